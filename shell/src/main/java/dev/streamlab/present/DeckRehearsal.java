package dev.streamlab.present;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every lesson and demo on a real cluster before its deck is written, as {@code demo --rehearse} does, and
 * records what each cell showed: the slides show the outputs and pictures of this run, not of an imagined one.
 * Each lesson gets a fresh Java session (as {@code check} gives it); a demo's topics and groups are reset first.
 */
public final class DeckRehearsal {

    private final Cluster cluster;

    public DeckRehearsal(Cluster cluster) {
        this.cluster = cluster;
    }

    public Map<Path, Recording> rehearse(Map<Path, Lesson> lessons, Consumer<String> progress) {
        Map<Path, Recording> recordings = new LinkedHashMap<>();
        try (Notebook notebook = new Notebook(cluster)) {
            DemoReset reset = new DemoReset(cluster.clientConfig());
            for (Map.Entry<Path, Lesson> entry : lessons.entrySet()) {
                Lesson lesson = entry.getValue();
                progress.accept(
                        "Rehearsing " + lesson.id() + " (" + lesson.cells().size() + " cells)");
                reset.reset(lesson);
                Map<Integer, Recording.Shown> shown = new HashMap<>();
                List<CellResult> results = new LessonRunner(notebook).run(lesson, result -> {});
                for (CellResult result : results) {
                    if (result.cell() != null) {
                        shown.put(result.cell().line(), Recording.Shown.of(result));
                    }
                }
                Recording recording = new Recording(null, shown);
                if (recording.failed() > 0) {
                    progress.accept(
                            "  " + recording.failed() + " of " + results.size() + " cells of " + lesson.id()
                                    + " did not pass in the rehearsal; their slides show what happened, and the notes say why.");
                }
                recordings.put(entry.getKey(), recording);
            }
        }
        return recordings;
    }
}
