package dev.streamlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.streamlab.present.DeckBuilder;
import dev.streamlab.present.LessonSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code streamlab slides}: a reveal.js deck and an HTML handout for every lesson and demo. The only command
 * (with {@code demo FILE}) that starts Asciidoctor at run time: learners never wait for it.
 */
@Command(name = "slides", description = {
        "Turn every lesson and demo into a reveal.js deck (OUT/ID.html) and an HTML handout (OUT/handouts/ID.html),"
                + " from the lessons' own source.",
        "Works offline once reveal.js is installed under OUT/vendor (from the npm registry, the first time)."})
public final class SlidesCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "slides/decks",
            description = "Where the decks go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lessons", paramLabel = "DIR",
            description = "The folder of the lessons' .adoc files (default: lessons/ here, or the project's).")
    Path lessons;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        LessonSources sources;
        try {
            sources = lessons == null ? LessonSources.locate() : LessonSources.at(lessons);
        } catch (IllegalStateException e) {
            output.error(e.getMessage());
            return ExitCode.USAGE;
        }
        List<Path> files = sources.all();
        if (files.isEmpty()) {
            output.error("There are no lessons (NN-name.adoc) in " + sources.dir() + ". Name the right folder with --lessons.");
            return ExitCode.USAGE;
        }
        output.progress("Starting Asciidoctor (a few seconds)");
        try (DeckBuilder builder = new DeckBuilder(out)) {
            builder.prepareAssets(output::progress);
            for (DeckBuilder.Built built : builder.buildAll(files, output::progress)) {
                output.result(builder.outDir().relativize(built.deck()) + "  " + built.title());
            }
            output.progress("Open " + builder.outDir().resolve("index.html") + " in a browser");
        } catch (IllegalStateException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        return ExitCode.OK;
    }
}
