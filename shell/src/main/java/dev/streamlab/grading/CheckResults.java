package dev.streamlab.grading;

import dev.streamlab.grading.CheckResult.Status;
import dev.streamlab.grading.child.CheckEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the check JVM reported, as one {@link CheckResult} per planned check: passed, failed with JUnit's words said
 * plainly, or not run and why. Text from the check JVM is made printable first: the learner's code may have written it.
 */
final class CheckResults {

    private CheckResults() {}

    static List<CheckResult> results(CheckProcess.Outcome outcome, Set<String> visibleClasses, Lab lab) {
        Map<String, CheckEvent> planned = new LinkedHashMap<>();
        Map<String, CheckEvent> finished = new HashMap<>();
        Map<String, String> classFailures = new HashMap<>();
        for (CheckEvent e : outcome.events()) {
            switch (e.type()) {
                case CheckEvent.PLANNED -> planned.put(e.id(), e);
                case CheckEvent.FINISHED -> finished.put(e.id(), e);
                case CheckEvent.CLASS_FAILED -> classFailures.put(e.className(), e.message());
                default -> {}
            }
        }
        String notFinished = whyNotFinished(outcome, lab);
        List<CheckResult> results = new ArrayList<>();
        for (CheckEvent p : planned.values()) {
            boolean visible = visibleClasses.contains(p.className());
            CheckEvent f = finished.get(p.id());
            String method = legacyMethodName(p.id());
            if (f != null && CheckEvent.PASSED.equals(f.status())) {
                results.add(new CheckResult(
                        p.className(),
                        p.name(),
                        visible,
                        Status.PASSED,
                        p.points(),
                        p.points(),
                        "",
                        p.hint(),
                        f.millis(),
                        method,
                        ""));
            } else if (f != null) {
                results.add(new CheckResult(
                        p.className(),
                        p.name(),
                        visible,
                        Status.FAILED,
                        0,
                        p.points(),
                        PrintableText.of(explain(f.message(), lab)),
                        p.hint(),
                        f.millis(),
                        method,
                        f.errorType() == null ? "" : PrintableText.of(f.errorType())));
            } else {
                String why = PrintableText.of(
                        classFailures.containsKey(p.className())
                                ? "Not run: setting up the checks failed: " + classFailures.get(p.className())
                                : notFinished);
                results.add(new CheckResult(
                        p.className(), p.name(), visible, Status.NOT_RUN, 0, p.points(), why, p.hint(), 0, method, ""));
            }
        }
        results.sort(java.util.Comparator.comparing(r -> !r.visible()));
        if (planned.isEmpty()) {
            results.add(new CheckResult("", "the checks could run", true, Status.NOT_RUN, 0, 0, notFinished, "", 0));
        }
        return results;
    }

    /**
     * The method's name as JUnit's own XML report gives it, from a unique id such as
     * {@code [engine:junit-jupiter]/[class:lab05.checks.C]/[method:flags(java.util.Random)]}: {@code flags(Random)}.
     */
    static String legacyMethodName(String uniqueId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[method:([^(\\]]+)\\(([^)]*)\\)\\]$")
                .matcher(uniqueId);
        if (!m.find()) {
            return "";
        }
        String parameters = java.util.Arrays.stream(m.group(2).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1))
                .collect(Collectors.joining(", "));
        return m.group(1) + "(" + parameters + ")";
    }

    private static String whyNotFinished(CheckProcess.Outcome outcome, Lab lab) {
        if (outcome.timedOut()) {
            return "Not run: grading stopped after the lab's time limit of "
                    + lab.overallTimeout().toSeconds()
                    + " s. Some code kept running; look for a loop or a wait that never ends.";
        }
        if (!outcome.finished()) {
            return "Not run: the check JVM ended early (exit code " + outcome.exitCode()
                    + "; did your code call System.exit?). Its last words: " + lastLines(outcome.logTail(), 6);
        }
        return "Not run.";
    }

    private static String lastLines(String log, int n) {
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "none" : String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** JUnit's words for a time-out, said plainly. */
    private static String explain(String message, Lab lab) {
        if (message.contains("timed out after")) {
            return "Your code did not finish within " + lab.checkTimeout().toSeconds()
                    + " s. Look for a loop or a wait that never ends.";
        }
        return message;
    }
}
