package dev.streamlab.notebook;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reading a list of {@link Part}s. */
final class Parts {

    private Parts() {}

    /** The parts as plain text, uncut, in order. */
    static String plain(List<Part> parts) {
        return text(parts, Part.Value::plain);
    }

    /** The parts as text, each value as {@code value} shows it, the rest plain. */
    static String text(List<Part> parts, Function<Part.Value, String> value) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part instanceof Part.Value v ? value.apply(v) : part.plain()));
        return text.toString();
    }

    /** Only what the code printed (its threads' logs included), without values and feedback. */
    static String printed(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(Part.Text.class::isInstance).forEach(part -> text.append(part.plain()));
        return text.toString();
    }

    static Optional<Part.Failure> failure(List<Part> parts) {
        return parts.stream()
                .filter(Part.Failure.class::isInstance)
                .map(Part.Failure.class::cast)
                .findFirst();
    }
}
