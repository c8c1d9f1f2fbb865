package dev.streamlab.notebook;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What running a cell gave, as data: its parts whole (what the code printed, its values, the exception it threw, the
 * shell's feedback), how it ended, and each expectation's verdict. How wide, how coloured and how cut it shows is
 * up to each front end.
 *
 * @param cell the lesson's cell, or null for code the learner typed
 * @param code the code or command that ran (the learner may have edited it)
 * @param outcome how the code ended
 * @param parts what the cell gave, in order
 * @param problem one plain sentence when the code failed, else null
 * @param drawing what a command showed, for a front end to draw in colour at its width ({@link #output()} has it
 *                plain), or null
 */
public record CellResult(
        Cell cell,
        String code,
        JavaOutcome outcome,
        List<Part> parts,
        String problem,
        List<Check> checks,
        Duration elapsed,
        Drawing drawing) {

    public CellResult {
        parts = List.copyOf(parts);
        checks = List.copyOf(checks);
    }

    /** A result whose output is one text (a command's, a query's). */
    public CellResult(
            Cell cell,
            String code,
            JavaOutcome outcome,
            String output,
            String problem,
            List<Check> checks,
            Duration elapsed,
            Drawing drawing) {
        this(
                cell,
                code,
                outcome,
                output.isEmpty() ? List.of() : List.of(new Part.Text(output)),
                problem,
                checks,
                elapsed,
                drawing);
    }

    public CellResult(
            Cell cell,
            String code,
            JavaOutcome outcome,
            String output,
            String problem,
            List<Check> checks,
            Duration elapsed) {
        this(cell, code, outcome, output, problem, checks, elapsed, null);
    }

    /** The result with these checks and time, as drawn as before. */
    public CellResult checked(List<Check> checks, Duration elapsed) {
        return new CellResult(cell, code, outcome, parts, problem, checks, elapsed, drawing);
    }

    /** Every part as plain text, uncut and in order, as a transcript keeps it and as expectations read it. */
    public String output() {
        return Parts.plain(parts);
    }

    /**
     * Every part as text, in order, each value as {@code value} shows it (a front end cuts it to its width), the rest
     * plain.
     */
    public String output(Function<Part.Value, String> value) {
        return Parts.text(parts, value);
    }

    /** The exception the code threw, if it threw one. */
    public Optional<Part.Failure> failure() {
        return Parts.failure(parts);
    }

    /** One expectation and whether it held. */
    public record Check(Expectation expectation, boolean held, String detail) {

        /** The expectation as the lesson wrote it. */
        public String text() {
            return expectation.text();
        }
    }

    /** A cell that did not run because it needs what this cluster cannot do; {@code reason} says what and the way on. */
    public static CellResult skipped(Cell cell, String reason) {
        return new CellResult(cell, cell.code(), JavaOutcome.SKIPPED, reason + "\n", reason, List.of(), Duration.ZERO);
    }

    public boolean skipped() {
        return outcome == JavaOutcome.SKIPPED;
    }

    /** The code ran (or failed as expected) and every expectation held. */
    public boolean passed() {
        if (skipped()) {
            return false;
        }
        boolean expectsFailure = cell != null && cell.expectsFailure();
        return (expectsFailure || outcome == JavaOutcome.OK) && checks.stream().allMatch(Check::held);
    }

    /** The first reason this result did not pass, for a one-line summary. */
    public String whyNot() {
        if (problem != null && checks.stream().noneMatch(c -> c.expectation() instanceof Expectation.FailsWith)) {
            return problem;
        }
        return checks.stream()
                .filter(c -> !c.held())
                .map(c -> c.text() + " (" + c.detail() + ")")
                .findFirst()
                .orElse(problem);
    }
}
