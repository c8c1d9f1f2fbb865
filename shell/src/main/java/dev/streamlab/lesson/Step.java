package dev.streamlab.lesson;

import java.util.List;

/** What a learner sees at once: some prose, then (usually) a cell to run. */
public record Step(List<Prose> prose, Cell cell) {

    public Step {
        prose = List.copyOf(prose);
    }

    public boolean hasCell() {
        return cell != null;
    }
}
