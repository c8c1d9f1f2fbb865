package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;

/**
 * Runs a whole lesson headless, cell after cell, as a learner pressing Enter would: what
 * {@code streamlab check} and the lesson tests do.
 */
public final class LessonRunner {

    private final Notebook notebook;

    public LessonRunner(Notebook notebook) {
        this.notebook = notebook;
    }

    /**
     * Runs every cell in a fresh Java session, as for a learner who opens this lesson first ({@code learn 02}), even
     * after one fails, and tells {@code each} about each result as it comes.
     */
    public List<CellResult> run(Lesson lesson, Consumer<CellResult> each) {
        notebook.reset();
        return continueSession(lesson, each);
    }

    /**
     * Runs every cell in the Java session as it is, with whatever variables, methods and classes the cells before
     * left in it: as for a learner who reached this lesson with {@code /next} from the one before, in one sitting.
     */
    public List<CellResult> continueSession(Lesson lesson, Consumer<CellResult> each) {
        List<CellResult> results = new ArrayList<>();
        for (Cell cell : lesson.cells()) {
            CellResult result = notebook.run(cell);
            results.add(result);
            each.accept(result);
        }
        return results;
    }
}
