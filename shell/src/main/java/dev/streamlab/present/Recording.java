package dev.streamlab.present;

import dev.streamlab.diagram.ValueText;
import dev.streamlab.diagram.View;
import dev.streamlab.lesson.Cell;
import dev.streamlab.notebook.CellResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lesson's cells showed when the deck's rehearsal ran them on a real cluster: each cell's output and the views
 * of its diagrams, by the cell's line in the lesson file. A deck built without a rehearsal has none and says why.
 *
 * @param missing why there are no results (no cluster, or rehearsals turned off), or null when the lesson was rehearsed
 */
public record Recording(String missing, Map<Integer, Shown> cells) {

    /** One cell's result, as the audience would see it. */
    public record Shown(String output, boolean passed, String whyNot, List<View> views) {

        public Shown {
            views = List.copyOf(views);
        }

        /** A slide shows a value as a terminal of this width would. */
        static final int VALUE_WIDTH = 100;

        static Shown of(CellResult result) {
            String output = result.output(value -> ValueText.shown(value.name(), value.text(), VALUE_WIDTH) + "\n");
            return new Shown(
                    output.stripTrailing(),
                    result.passed(),
                    result.passed() ? null : result.whyNot(),
                    result.drawing() == null ? List.of() : result.drawing().views());
        }
    }

    public Recording {
        cells = Map.copyOf(cells);
    }

    public static Recording none(String why) {
        return new Recording(why, Map.of());
    }

    public boolean rehearsed() {
        return missing == null;
    }

    public Optional<Shown> of(Cell cell) {
        return Optional.ofNullable(cells.get(cell.line()));
    }

    public long failed() {
        return cells.values().stream().filter(s -> !s.passed()).count();
    }
}
