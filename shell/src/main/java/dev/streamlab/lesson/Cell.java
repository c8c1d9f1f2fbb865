package dev.streamlab.lesson;

import java.util.List;

/**
 * Something a learner runs: Java code or a toolkit command.
 *
 * @param code the code as written in the lesson (callouts removed)
 * @param line where the cell starts in its lesson file
 * @param expect what must hold after the cell ran, one expectation per entry, as written (see {@link Expectation})
 * @param expectLine where the expectations start in the lesson file, or 0
 * @param hints shown one at a time, on request
 */
public record Cell(Kind kind, String code, int line, List<String> expect, int expectLine, List<Hint> hints) {

    public enum Kind { JAVA, COMMAND }

    public Cell {
        expect = List.copyOf(expect);
        hints = List.copyOf(hints);
    }

    /** The expectations, parsed. They were checked when the lesson was built, so this does not fail. */
    public List<Expectation> expectations() {
        return expect.stream().map(Expectation::parse).toList();
    }

    /** Whether the cell is meant to fail ({@code fails with "..."}): its failure is then what it checks. */
    public boolean expectsFailure() {
        return expectations().stream().anyMatch(Expectation.FailsWith.class::isInstance);
    }

    public Cell withExpectations(List<String> more, int firstLine) {
        List<String> all = new java.util.ArrayList<>(expect);
        all.addAll(more);
        return new Cell(kind, code, line, all, expectLine == 0 ? firstLine : expectLine, hints);
    }

    public Cell withHint(Hint hint) {
        List<Hint> all = new java.util.ArrayList<>(hints);
        all.add(hint);
        return new Cell(kind, code, line, expect, expectLine, all);
    }
}
