package dev.streamlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What GitHub Classroom's reporter ({@code classroom-resources/autograding-grading-reporter}, v1 and main at 43c2d9f)
 * does with a runner's result, restated from its source so tests hold our output to its rules, not to our reading:
 * <ul>
 *   <li>the notice ({@code src/notify-classroom.js}): the sum of {@code tests[].score} over runners whose
 *       {@code max_score} is not 0, "Points T/M";</li>
 *   <li>the table and the log line ({@code src/helpers/test-helpers.js getTestScore}, {@code src/console-results.js}):
 *       (tests whose status is "pass" / tests) times {@code max_score}, "Total points for R: S.SS/M";</li>
 *   <li>each test's log lines ({@code src/console-results.js}): "✅ name" or "❌ name" (any status but pass and error),
 *       with " - line N" unless {@code line_no} is exactly 0; for "error" only "Error: message"; then "Test code:\n..."
 *       whenever {@code test_code} is there. A failed test's {@code message} is never printed.</li>
 * </ul>
 * (Its colours are left out.)
 */
final class ClassroomReporter {

    private ClassroomReporter() {}

    static String noticePoints(List<JsonNode> runners) {
        double total = 0;
        int max = 0;
        for (JsonNode r : runners) {
            if (r.path("max_score").asInt(0) == 0) {
                continue;
            }
            max += r.get("max_score").asInt();
            for (JsonNode test : r.get("tests")) {
                // JavaScript's + on a missing score gives NaN.
                total += test.has("score") && test.get("score").isNumber()
                        ? test.get("score").asDouble()
                        : Double.NaN;
            }
        }
        return "Points " + js(total) + "/" + max;
    }

    static double tableTotal(JsonNode runner) {
        JsonNode tests = runner.get("tests");
        long passed = 0;
        for (JsonNode test : tests) {
            if ("pass".equals(test.path("status").asText())) {
                passed++;
            }
        }
        return (double) passed / tests.size() * runner.path("max_score").asInt(0);
    }

    static String logLine(JsonNode runner, String name) {
        return "Total points for " + name + ": " + String.format(Locale.ROOT, "%.2f", tableTotal(runner)) + "/"
                + runner.get("max_score").asInt();
    }

    static List<String> testLines(JsonNode runner) {
        List<String> lines = new ArrayList<>();
        for (JsonNode test : runner.get("tests")) {
            String status = test.path("status").asText();
            String name = test.path("name").asText();
            String line = !test.has("line_no")
                    ? " - line undefined"
                    : test.get("line_no").isNull()
                            ? " - line null"
                            : test.get("line_no").asLong() != 0
                                    ? " - line " + test.get("line_no").asLong()
                                    : "";
            if ("pass".equals(status)) {
                lines.add("✅ " + name + line);
            } else if ("error".equals(status)) {
                String message = test.path("message").asText("");
                lines.add("Error: " + (message.isEmpty() ? "Failed to run test '" + name + "'" : message) + "\n");
            } else {
                lines.add("❌ " + name + line);
            }
            if (!test.path("test_code").asText("").isEmpty()) {
                lines.add("Test code:\n" + test.get("test_code").asText() + "\n");
            }
        }
        return lines;
    }

    private static String js(double number) {
        if (Double.isNaN(number)) {
            return "NaN";
        }
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
