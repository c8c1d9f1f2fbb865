package dev.streamlab.guides;

import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Builds the guides ({@code docs/*.adoc}), the README and the folders' READMEs into HTML, keeping their layout, so
 * that links between them hold in the distribution. Every warning Asciidoctor gives (a broken include, a cross
 * reference to nothing) is a problem the build reports.
 */
public final class Guides implements AutoCloseable {

    /** The READMEs the guides link to, beside the guides themselves. */
    static final List<String> READMES = List.of(
            "README.adoc", "lessons/README.adoc", "labs/README.adoc", "slides/README.adoc", "demo-data/README.adoc");

    private final Asciidoctor asciidoctor;
    private final List<LogRecord> records = new ArrayList<>();

    public Guides() {
        Logger.getLogger("asciidoctor").setUseParentHandlers(false);
        asciidoctor = Asciidoctor.Factory.create();
        asciidoctor.registerLogHandler(records::add);
        asciidoctor.javaExtensionRegistry().includeProcessor(new HelpInclude());
    }

    /** The sources, relative to the project's root: every {@code docs/*.adoc}, then the READMEs. */
    public static List<Path> sources(Path root) {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(f -> f.getFileName().toString().endsWith(".adoc"))
                    .sorted()
                    .map(root::relativize)
                    .forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list the guides in " + root.resolve("docs") + ": " + e.getMessage(), e);
        }
        READMES.stream()
                .map(Path::of)
                .filter(f -> Files.isRegularFile(root.resolve(f)))
                .forEach(sources::add);
        return sources;
    }

    /**
     * Writes {@code OUT/docs/learner.html} for {@code docs/learner.adoc}, and so on.
     *
     * @return the problems Asciidoctor saw, one sentence each with file and line; empty when the guides are sound
     */
    public List<String> build(Path root, Path outDir) {
        List<String> problems = new ArrayList<>();
        for (Path source : sources(root)) {
            records.clear();
            Path html = outDir.resolve(source.toString().replaceFirst("\\.adoc$", ".html"));
            Path file = root.resolve(source).toAbsolutePath();
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            String page = asciidoctor.convert(
                    text,
                    Options.builder()
                            .backend("html5")
                            .safe(SafeMode.SAFE) // includes only from inside the document's own folder
                            .baseDir(file.getParent().toFile())
                            .toFile(false)
                            .standalone(true)
                            .attributes(Attributes.builder()
                                    .attribute("webfonts!", "") // no font from the network: the guides work offline
                                    .attribute("icons!", "")
                                    .attribute("experimental", "")
                                    .attribute("attribute-missing", "warn")
                                    .build())
                            .build());
            try {
                Files.createDirectories(html.getParent());
                AtomicFiles.write(html, page);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + html + ": " + e.getMessage(), e);
            }
            for (LogRecord record : records) {
                if (record.getSeverity().ordinal() >= Severity.INFO.ordinal()) {
                    int line =
                            record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
                    problems.add(source + (line > 0 ? ":" + line : "") + ": " + record.getMessage());
                }
            }
        }
        return problems;
    }

    @Override
    public void close() {
        asciidoctor.close();
    }

    /** {@code Guides ROOT OUT}: the distribution's build calls this, and stops on any problem. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: Guides PROJECT_ROOT OUT_DIR");
            System.exit(2);
        }
        List<String> problems;
        try (Guides guides = new Guides()) {
            problems = guides.build(Path.of(args[0]), Path.of(args[1]));
        }
        problems.forEach(p -> System.err.println("The guides have a problem: " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
