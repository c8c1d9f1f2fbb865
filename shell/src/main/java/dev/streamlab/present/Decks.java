package dev.streamlab.present;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * What {@code streamlab slides} does, front to back: read the lessons, rehearse them on an embedded cluster, and write
 * the decks, handouts and index. Without a cluster (too little memory, no free port) the decks show code only, and
 * their title slides and the index say so.
 */
public final class Decks {

    /** The brokers of the rehearsal's cluster: lesson 03 kills one and needs two in sync. */
    static final int BROKERS = 3;

    private Decks() {}

    /**
     * @param rehearse false for decks of code only, with no cluster started
     * @param progress a line for each thing that takes more than a moment
     */
    public static List<DeckBuilder.Built> make(
            Path out, List<Path> sources, boolean rehearse, Consumer<String> progress) {
        return make(out, sources, rehearse, RehearsalCache.standard(), progress);
    }

    /**
     * The same, with the recordings of unchanged lessons taken from {@code cache}: only the others are rehearsed, and no
     * cluster starts when none is left.
     */
    public static List<DeckBuilder.Built> make(
            Path out, List<Path> sources, boolean rehearse, RehearsalCache cache, Consumer<String> progress) {
        Map<Path, Recording> kept = new LinkedHashMap<>();
        if (rehearse) {
            for (Path file : sources) {
                cache.find(file).ifPresent(recording -> kept.put(file, recording));
            }
        }
        boolean cluster = rehearse && kept.size() < sources.size();
        // The cluster starts while Asciidoctor (JRuby) does: each takes seconds, mostly on one core.
        CompletableFuture<Cluster> starting =
                cluster ? CompletableFuture.supplyAsync(() -> startCluster(progress)) : null;
        try {
            progress.accept("Starting Asciidoctor (a few seconds)");
            try (DeckBuilder builder = new DeckBuilder(out)) {
                builder.prepareAssets(progress);
                Map<Path, Lesson> lessons = new LinkedHashMap<>();
                Map<Path, Lesson> toRehearse = new LinkedHashMap<>();
                for (Path file : sources) {
                    Lesson lesson = builder.parse(file);
                    lessons.put(file, lesson);
                    if (kept.containsKey(file)) {
                        progress.accept("Reusing the rehearsal of " + lesson.id() + ": it has not changed since");
                    } else {
                        toRehearse.put(file, lesson);
                    }
                }
                Map<Path, Recording> rehearsed = cluster ? rehearse(toRehearse, join(starting), progress) : Map.of();
                rehearsed.forEach(cache::keep);
                Map<Path, Recording> recordings = new LinkedHashMap<>();
                if (rehearse) {
                    for (Path file : sources) {
                        recordings.put(file, kept.containsKey(file) ? kept.get(file) : rehearsed.get(file));
                    }
                }
                return builder.buildAll(lessons, recordings, progress);
            }
        } finally {
            if (starting != null) {
                starting.thenAccept(started -> {
                            if (started != null) {
                                started.close();
                            }
                        })
                        .exceptionally(e -> null)
                        .join();
            }
        }
    }

    private static Cluster startCluster(Consumer<String> progress) {
        progress.accept("Starting an embedded cluster to rehearse the lessons (" + BROKERS + " brokers)");
        return EmbeddedCluster.builder()
                .brokers(BROKERS)
                .listener(progress::accept)
                .start();
    }

    /** The rehearsal's cluster, or why there is none. */
    private record Started(Cluster cluster, String whyNot) {}

    private static Started join(CompletableFuture<Cluster> starting) {
        try {
            return new Started(starting.join(), null);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Started(null, "no cluster could be started for the rehearsal (" + cause.getMessage() + ")");
        }
    }

    private static Map<Path, Recording> rehearse(
            Map<Path, Lesson> lessons, Started started, Consumer<String> progress) {
        if (started.cluster() != null) {
            return new DeckRehearsal(started.cluster()).rehearse(lessons, progress);
        }
        progress.accept("The slides will show code only: " + started.whyNot());
        Map<Path, Recording> none = new LinkedHashMap<>();
        lessons.keySet().forEach(file -> none.put(file, Recording.none(started.whyNot() + ".")));
        return none;
    }
}
