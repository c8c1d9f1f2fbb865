package dev.streamlab.notebook;

/**
 * What running some Java gave.
 *
 * @param output what the code printed, followed by values ({@code x ==> 5}) and error reports, as the learner sees them
 * @param problem one plain sentence about what went wrong, or null when all went well
 */
public record JavaResult(JavaOutcome outcome, String output, String problem) {

    public boolean ok() {
        return outcome == JavaOutcome.OK;
    }
}
