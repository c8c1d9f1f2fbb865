package dev.streamlab.notebook;

import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a whole lesson headless, cell after cell, as a learner pressing Enter would: what
 * {@code streamlab check}, a demo's rehearsal and the lesson tests do.
 */
public final class LessonRunner {

    /** Hears about each step as it comes, and each cell's result as it is known. */
    @FunctionalInterface
    public interface Listener {
        void result(CellResult result);

        /** Before step {@code number} (from 1) of {@code total} runs, whether it has a cell or only prose. */
        default void step(int number, int total, Step step) {}
    }

    private final Notebook notebook;

    public LessonRunner(Notebook notebook) {
        this.notebook = notebook;
    }

    /**
     * Runs every cell in a fresh Java session, as for a learner who opens this lesson first ({@code learn 02}), even
     * after one fails, and tells {@code listener} about each step and result as they come.
     */
    public List<CellResult> run(Lesson lesson, Listener listener) {
        notebook.reset();
        return continueSession(lesson, listener);
    }

    /**
     * Runs every cell in the Java session as it is, with whatever variables, methods and classes the cells before
     * left in it: as for a learner who reached this lesson with {@code /next} from the one before, in one sitting.
     */
    public List<CellResult> continueSession(Lesson lesson, Listener listener) {
        return runSteps(lesson, lesson.steps().size(), listener);
    }

    /**
     * Runs the cells of the steps before step {@code step} (from 0) in the Java session as it is, skipping what
     * {@link #run} skips: a learner's catch-up, when they come back to the middle of a lesson in a new Java process.
     */
    public List<CellResult> catchUp(Lesson lesson, int step, Listener listener) {
        return runSteps(lesson, step, listener);
    }

    private List<CellResult> runSteps(Lesson lesson, int end, Listener listener) {
        List<CellResult> results = new ArrayList<>();
        List<Step> steps = lesson.steps();
        if (lesson.hasSql()) {
            notebook.prepareSql();
        }
        for (int i = 0; i < end; i++) {
            Step step = steps.get(i);
            listener.step(i + 1, steps.size(), step);
            if (step.hasCell()) {
                CellResult result = skip(lesson, i).orElseGet(() -> notebook.run(step.cell()));
                results.add(result);
                listener.result(result);
            }
        }
        return results;
    }

    /**
     * The result of step {@code step} (from 0) when this cluster cannot run it, or empty: a step that stops brokers (or
     * follows one that did, in its section) is skipped where streamlab does not control the brokers.
     */
    public Optional<CellResult> skip(Lesson lesson, int step) {
        Step at = lesson.steps().get(step);
        if (!at.hasCell() || !lesson.stepsNeedingBrokerControl().contains(step) || notebook.canControlBrokers()) {
            return Optional.empty();
        }
        return Optional.of(CellResult.skipped(at.cell(), brokerControlReason(lesson)));
    }

    /** Why a step that stops brokers is skipped here, and where it can be done. */
    public static String brokerControlReason(Lesson lesson) {
        return "Skipped: this step stops brokers, and streamlab does not control this cluster's brokers (someone else"
                + " runs them). Try it on a cluster of your own: ./streamlab learn " + lesson.number()
                + " --cluster embedded";
    }
}
