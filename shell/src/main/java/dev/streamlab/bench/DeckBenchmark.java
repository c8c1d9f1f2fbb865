package dev.streamlab.bench;

import dev.streamlab.present.DeckBuilder;
import dev.streamlab.present.Decks;
import dev.streamlab.present.LessonSources;
import dev.streamlab.present.RehearsalCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long {@code streamlab slides} takes for every lesson and demo with the rehearsal on an embedded cluster (target
 * 60 s), against the same decks of code only (the reference: what the rehearsal adds), and how big the deck folder is.
 * reveal.js is installed before the clock starts (the first run's npm install is not the builder's speed).
 */
public final class DeckBenchmark implements Benchmark {

    @Override
    public String name() {
        return "decks";
    }

    @Override
    public List<Figure> run(BenchContext context) throws IOException {
        Path out = context.projectRoot().resolve("shell/target/bench-decks");
        List<Path> sources =
                LessonSources.at(context.projectRoot().resolve("lessons")).all();
        try (DeckBuilder assets = new DeckBuilder(out)) {
            assets.prepareAssets(context.listener()::step);
        }
        int runs = Math.min(2, context.runs());
        List<Double> codeOnly = new ArrayList<>();
        List<Double> rehearsed = new ArrayList<>();
        List<Double> unchanged = new ArrayList<>();
        // A cache of the benchmark's own, emptied before each run: "with the rehearsal" really rehearses every lesson.
        Path cacheFolder = out.resolve("rehearsals");
        for (int i = 0; i < runs; i++) {
            context.listener().step("Building every deck of code only, run " + (i + 1) + " of " + runs);
            codeOnly.add(seconds(() -> Decks.make(out, sources, false, line -> {})));
            context.listener()
                    .step("Building every deck with the rehearsal (" + sources.size() + " lessons and demos), run "
                            + (i + 1) + " of " + runs);
            dev.streamlab.files.FileTrees.deleteQuietly(cacheFolder);
            RehearsalCache cache = RehearsalCache.at(cacheFolder);
            List<DeckBuilder.Built> built = new ArrayList<>();
            rehearsed.add(seconds(() -> built.addAll(Decks.make(out, sources, true, cache, line -> {}))));
            if (!built.stream().allMatch(DeckBuilder.Built::rehearsed)) {
                throw new IllegalStateException("The rehearsal did not run; the timing would mean nothing.");
            }
            context.listener().step("Building every deck again, no lesson changed, run " + (i + 1) + " of " + runs);
            unchanged.add(seconds(() -> Decks.make(out, sources, true, cache, line -> {})));
        }
        return List.of(
                Figure.of("slides: every deck, with the rehearsal", "s", rehearsed, 60)
                        .against("the same decks of code only", codeOnly),
                Figure.of("slides: every deck again, no lesson changed (the rehearsals kept)", "s", unchanged, 15)
                        .against("the same decks of code only", codeOnly),
                Figure.of("slides: the deck folder (reveal.js included)", "MB", List.of(megabytes(out)), 30),
                Figure.of(
                        "slides: the decks alone (without reveal.js)",
                        "MB",
                        List.of(megabytes(out) - megabytes(out.resolve("vendor"))),
                        5));
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double megabytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .sum()
                    / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }
}
