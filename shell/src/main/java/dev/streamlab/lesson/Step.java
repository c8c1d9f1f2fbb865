package dev.streamlab.lesson;

import java.util.List;

/**
 * What a learner sees at once: some prose, then (usually) a cell to run.
 *
 * @param notes speaker notes ({@code [.notes]} blocks): never shown to a learner, only to a presenter
 *              ({@code streamlab demo --notes}) and in a deck's speaker view
 */
public record Step(List<Prose> prose, Cell cell, List<Prose> notes) {

    public Step {
        prose = List.copyOf(prose);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Step(List<Prose> prose, Cell cell) {
        this(prose, cell, List.of());
    }

    public boolean hasCell() {
        return cell != null;
    }
}
