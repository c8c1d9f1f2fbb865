package dev.streamlab.lesson;

import java.util.List;

/** A hint for a cell: a few blocks of prose. */
public record Hint(List<Prose> prose) {

    public Hint {
        prose = List.copyOf(prose);
    }
}
