package dev.streamlab.present;

import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a demo headless at full speed, step after step, through the {@link Notebook} that {@code check} uses, and
 * checks every expectation: what a presenter runs the night before, and what CI runs for every demo.
 */
public final class Rehearsal {

    /** How the rehearsal went: one result per cell, and the time of all of them. */
    public record Report(List<CellResult> results, Duration total) {

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }

        public boolean passed() {
            return failed() == 0;
        }
    }

    private final Notebook notebook;
    private final SpeakerNotes notes;

    /** @param notes where the speaker notes go as the steps come, or null */
    public Rehearsal(Notebook notebook, SpeakerNotes notes) {
        this.notebook = notebook;
        this.notes = notes;
    }

    /** Runs every cell, even after one fails, telling {@code each} about each result as it comes. */
    public Report run(Lesson demo, Consumer<CellResult> each) {
        long start = System.nanoTime();
        if (notes != null) {
            notes.start(demo);
        }
        List<CellResult> results = new LessonRunner(notebook).run(demo, new LessonRunner.Listener() {
            @Override
            public void result(CellResult result) {
                each.accept(result);
            }

            @Override
            public void step(int number, int total, Step step) {
                if (notes != null) {
                    notes.step(number, total, step);
                }
            }
        });
        return new Report(results, Duration.ofNanos(System.nanoTime() - start));
    }
}
