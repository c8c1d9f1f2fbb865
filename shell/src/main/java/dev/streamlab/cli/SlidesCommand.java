package dev.streamlab.cli;

import dev.streamlab.lesson.LessonFormatException;
import dev.streamlab.present.DeckBuilder;
import dev.streamlab.present.Decks;
import dev.streamlab.present.LessonSources;
import dev.streamlab.present.RehearsalCache;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamlab slides}: a reveal.js deck and an HTML handout for every lesson and demo. The lessons are rehearsed
 * on an embedded cluster first, so each slide shows the output and the pictures of a real run. The only command
 * (with {@code demo FILE}) that starts Asciidoctor at run time: learners never wait for it.
 */
@Command(
        name = "slides",
        description = {
            "Turn every lesson and demo into a reveal.js deck (OUT/ID.html) and an HTML handout (OUT/handouts/ID.html),"
                    + " from the lessons' own source.",
            "Each lesson is first rehearsed on an embedded cluster: the slides show its real outputs and pictures"
                    + " (--no-rehearse: code only). A lesson unchanged since its last rehearsal, on the same streamlab,"
                    + " reuses it (--fresh: rehearse every one again).",
            "Works offline once reveal.js is installed under OUT/vendor (from the npm registry, the first time)."
        })
public final class SlidesCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "slides/decks",
            description = "Where the decks go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--lessons",
            paramLabel = "DIR",
            description = "The folder of the lessons' .adoc files (default: lessons/ here, or the project's).")
    Path lessons;

    @Option(
            names = "--no-rehearse",
            negatable = false,
            description = "Do not start a cluster: the slides show code only, without outputs or pictures.")
    boolean noRehearse;

    @Option(
            names = "--fresh",
            negatable = false,
            description = "Rehearse every lesson again, even one that has not changed since its last rehearsal.")
    boolean fresh;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            split = ",",
            description =
                    "Only these lessons or demos (file names without .adoc, or their numbers), e.g. --only 01,03.")
    List<String> only;

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
        List<Path> files = sources.all().stream().filter(this::wanted).toList();
        if (files.isEmpty()) {
            output.error(
                    only == null
                            ? "There are no lessons (NN-name.adoc) in " + sources.dir()
                                    + ". Name the right folder with --lessons."
                            : "No lesson or demo in " + sources.dir() + " is called " + String.join(" or ", only)
                                    + ". Use a file name without .adoc, such as 01-the-log or streaming-first, or a number.");
            return ExitCode.USAGE;
        }
        try {
            RehearsalCache cache = fresh ? RehearsalCache.none() : RehearsalCache.standard();
            List<DeckBuilder.Built> decks = Decks.make(out, files, !noRehearse, cache, output::progress);
            for (DeckBuilder.Built built : decks) {
                output.result(out.toAbsolutePath().relativize(built.deck()) + "  " + built.title() + "  ("
                        + built.slides() + " slides" + (built.rehearsed() ? "" : ", code only") + ")");
            }
            output.progress("Open " + out.toAbsolutePath().resolve("index.html") + " in a browser");
        } catch (LessonFormatException e) {
            output.error(e.getMessage());
            return ExitCode.USAGE;
        } catch (IllegalStateException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        return ExitCode.OK;
    }

    private boolean wanted(Path file) {
        if (only == null || only.isEmpty()) {
            return true;
        }
        String id = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        return only.stream().map(String::strip).anyMatch(name -> id.equals(name) || id.startsWith(name + "-"));
    }
}
