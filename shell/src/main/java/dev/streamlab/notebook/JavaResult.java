package dev.streamlab.notebook;

import java.util.List;
import java.util.Optional;

/**
 * What running some Java gave.
 *
 * @param parts what the code printed, its values, the shell's feedback and the exception it threw, in order, whole
 * @param problem one plain sentence about what went wrong, or null when all went well
 */
public record JavaResult(JavaOutcome outcome, List<Part> parts, String problem) {

    public JavaResult {
        parts = List.copyOf(parts);
    }

    public boolean ok() {
        return outcome == JavaOutcome.OK;
    }

    /** The parts as plain text, uncut: what the code printed, then values ({@code x ==> 5}) and error reports. */
    public String output() {
        return Parts.plain(parts);
    }

    /** The exception the code threw, if it threw one. */
    public Optional<Part.Failure> failure() {
        return Parts.failure(parts);
    }
}
