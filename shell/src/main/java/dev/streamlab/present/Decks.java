package dev.streamlab.present;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;

/**
 * What {@code streamlab slides} does, front to back: read the lessons, rehearse them on an embedded cluster, and write
 * the decks, handouts and index. Without a cluster (too little memory, no free port) the decks show code only, and
 * their title slides and the index say so.
 */
public final class Decks {

    /** The brokers of the rehearsal's cluster: lesson 03 kills one and needs two in sync. */
    static final int BROKERS = 3;

    private Decks() {
    }

    /**
     * @param rehearse false for decks of code only, with no cluster started
     * @param progress a line for each thing that takes more than a moment
     */
    public static List<DeckBuilder.Built> make(Path out, List<Path> sources, boolean rehearse, Consumer<String> progress) {
        progress.accept("Starting Asciidoctor (a few seconds)");
        try (DeckBuilder builder = new DeckBuilder(out)) {
            builder.prepareAssets(progress);
            Map<Path, Lesson> lessons = new LinkedHashMap<>();
            for (Path file : sources) {
                lessons.put(file, builder.parse(file));
            }
            Map<Path, Recording> recordings = rehearse ? rehearse(lessons, progress) : Map.of();
            return builder.buildAll(lessons, recordings, progress);
        }
    }

    private static Map<Path, Recording> rehearse(Map<Path, Lesson> lessons, Consumer<String> progress) {
        progress.accept("Starting an embedded cluster to rehearse the lessons (" + BROKERS + " brokers)");
        Cluster cluster;
        try {
            cluster = EmbeddedCluster.builder().brokers(BROKERS).listener(progress::accept).start();
        } catch (RuntimeException e) {
            String why = "no cluster could be started for the rehearsal (" + e.getMessage() + ")";
            progress.accept("The slides will show code only: " + why);
            Map<Path, Recording> none = new LinkedHashMap<>();
            lessons.keySet().forEach(file -> none.put(file, Recording.none(why + ".")));
            return none;
        }
        try (cluster) {
            return new DeckRehearsal(cluster).rehearse(lessons, progress);
        }
    }
}
