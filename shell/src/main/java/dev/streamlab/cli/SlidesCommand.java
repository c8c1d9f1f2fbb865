package dev.streamlab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonFormatException;
import dev.streamlab.present.DeckBuilder;
import dev.streamlab.present.DeckRehearsal;
import dev.streamlab.present.LessonSources;
import dev.streamlab.present.Recording;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamlab slides}: a reveal.js deck and an HTML handout for every lesson and demo. The lessons are rehearsed
 * on an embedded cluster first, so each slide shows the output and the pictures of a real run. The only command
 * (with {@code demo FILE}) that starts Asciidoctor at run time: learners never wait for it.
 */
@Command(name = "slides", description = {
        "Turn every lesson and demo into a reveal.js deck (OUT/ID.html) and an HTML handout (OUT/handouts/ID.html),"
                + " from the lessons' own source.",
        "Each lesson is first rehearsed on an embedded cluster: the slides show its real outputs and pictures"
                + " (--no-rehearse: code only).",
        "Works offline once reveal.js is installed under OUT/vendor (from the npm registry, the first time)."})
public final class SlidesCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "slides/decks",
            description = "Where the decks go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lessons", paramLabel = "DIR",
            description = "The folder of the lessons' .adoc files (default: lessons/ here, or the project's).")
    Path lessons;

    @Option(names = "--no-rehearse", negatable = false,
            description = "Do not start a cluster: the slides show code only, without outputs or pictures.")
    boolean noRehearse;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Only these lessons or demos (file names without .adoc, or their numbers), e.g. --only 01,03.")
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
            output.error(only == null
                    ? "There are no lessons (NN-name.adoc) in " + sources.dir() + ". Name the right folder with --lessons."
                    : "No lesson or demo in " + sources.dir() + " is called " + String.join(" or ", only)
                            + ". Use a file name without .adoc, such as 01-the-log or streaming-first, or a number.");
            return ExitCode.USAGE;
        }
        output.progress("Starting Asciidoctor (a few seconds)");
        try (DeckBuilder builder = new DeckBuilder(out)) {
            builder.prepareAssets(output::progress);
            Map<Path, Lesson> parsed = new LinkedHashMap<>();
            for (Path file : files) {
                parsed.put(file, builder.parse(file));
            }
            Map<Path, Recording> recordings = noRehearse ? Map.of() : rehearse(parsed, output);
            for (DeckBuilder.Built built : builder.buildAll(parsed, recordings, output::progress)) {
                output.result(builder.outDir().relativize(built.deck()) + "  " + built.title() + "  (" + built.slides()
                        + " slides" + (built.rehearsed() ? "" : ", code only") + ")");
            }
            output.progress("Open " + builder.outDir().resolve("index.html") + " in a browser");
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

    /** A rehearsal on an embedded cluster; without one (too little memory, ports) the decks show code only, and say so. */
    private static Map<Path, Recording> rehearse(Map<Path, Lesson> lessons, Output output) {
        output.progress("Starting an embedded cluster to rehearse the lessons (3 brokers)");
        Cluster cluster;
        try {
            cluster = EmbeddedCluster.builder().brokers(3).listener(output::progress).start();
        } catch (RuntimeException e) {
            String why = "no cluster could be started for the rehearsal (" + e.getMessage() + ")";
            output.progress("The slides will show code only: " + why);
            Map<Path, Recording> none = new LinkedHashMap<>();
            lessons.keySet().forEach(file -> none.put(file, Recording.none(why + ".")));
            return none;
        }
        try (cluster) {
            return new DeckRehearsal(cluster).rehearse(lessons, output::progress);
        }
    }
}
