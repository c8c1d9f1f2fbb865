package dev.streamlab.lesson;

import java.util.List;

/**
 * Something a learner runs: Java code, SQL (on the SQL engine) or a toolkit command.
 *
 * @param code the code as written in the lesson (callouts removed)
 * @param line where the cell starts in its lesson file
 * @param expect what must hold after the cell ran, parsed when the lesson was built (see {@link Expectation})
 * @param expectLine where the expectations start in the lesson file, or 0
 * @param hints shown one at a time, on request
 */
public record Cell(Kind kind, String code, int line, List<Expectation> expect, int expectLine, List<Hint> hints) {

    public enum Kind {
        JAVA,
        SQL,
        COMMAND
    }

    public Cell {
        expect = List.copyOf(expect);
        hints = List.copyOf(hints);
    }

    /** Whether the cell is meant to fail ({@code fails with "..."}): its failure is then what it checks. */
    public boolean expectsFailure() {
        return expect.stream().anyMatch(Expectation.FailsWith.class::isInstance);
    }

    public Cell withExpectations(List<Expectation> more, int firstLine) {
        List<Expectation> all = new java.util.ArrayList<>(expect);
        all.addAll(more);
        return new Cell(kind, code, line, all, expectLine == 0 ? firstLine : expectLine, hints);
    }

    public Cell withHint(Hint hint) {
        List<Hint> all = new java.util.ArrayList<>(hints);
        all.add(hint);
        return new Cell(kind, code, line, expect, expectLine, all);
    }
}
