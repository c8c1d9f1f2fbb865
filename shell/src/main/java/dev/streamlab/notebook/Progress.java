package dev.streamlab.notebook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a learner is: the last lesson, and per lesson the step they were on and the cells they passed.
 * Kept in {@code progress.json} in streamlab's home ({@link StreamlabHome}); written atomically.
 */
public final class Progress {

    /** One lesson's progress. */
    public record LessonProgress(int step, Set<Integer> passedCells) {
        public LessonProgress {
            passedCells = new TreeSet<>(passedCells == null ? Set.of() : passedCells);
        }
    }

    private record State(String lastLesson, Map<String, LessonProgress> lessons) {
        State {
            lessons = new TreeMap<>(lessons == null ? Map.of() : lessons);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private State state;

    private Progress(Path file, State state) {
        this.file = file;
        this.state = state;
    }

    /** Reads the learner's progress; a missing or damaged file means a fresh start, never an error. */
    public static Progress load(Path file) {
        State state = new State(null, Map.of());
        if (Files.exists(file)) {
            try {
                state = JSON.readValue(file.toFile(), State.class);
            } catch (IOException e) {
                // A damaged file should not keep anyone from learning: start afresh, and overwrite it on save.
            }
        }
        return new Progress(file, state);
    }

    public java.util.Optional<String> lastLesson() {
        return java.util.Optional.ofNullable(state.lastLesson());
    }

    public LessonProgress of(String lessonId) {
        return state.lessons().getOrDefault(lessonId, new LessonProgress(0, Set.of()));
    }

    public void at(String lessonId, int step) {
        LessonProgress now = of(lessonId);
        state.lessons().put(lessonId, new LessonProgress(step, now.passedCells()));
        state = new State(lessonId, state.lessons());
        save();
    }

    public void passed(String lessonId, int cellIndex) {
        LessonProgress now = of(lessonId);
        Set<Integer> cells = new TreeSet<>(now.passedCells());
        cells.add(cellIndex);
        state.lessons().put(lessonId, new LessonProgress(now.step(), cells));
        save();
    }

    public Path file() {
        return file;
    }

    private void save() {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(state));
        } catch (IOException e) {
            // Progress is a convenience; losing it must not stop the lesson.
        }
    }
}
