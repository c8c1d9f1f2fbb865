package dev.streamlab.present;

import dev.streamlab.files.AtomicFiles;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonParser;
import dev.streamlab.present.SlidePlan.Image;
import dev.streamlab.present.SlidePlan.Slide;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * Turns lessons and demos into reveal.js decks ({@code OUT/ID.html}) and HTML handouts ({@code OUT/handouts/ID.html}).
 * The lessons are parsed with AsciidoctorJ into steps; a deck is planned from the steps and what the rehearsal recorded
 * ({@link SlidePlan}), one idea per slide, and written by {@link DeckPage}; a handout is Asciidoctor's own HTML of the
 * whole lesson with each cell's output and pictures below it ({@link PresenterView}). Every asset is local
 * ({@link RevealAssets} under {@code OUT/vendor}): the output opens offline.
 *
 * <p>Starting Asciidoctor takes seconds (JRuby): only {@code streamlab slides} and its tests load this class.
 */
public final class DeckBuilder implements AutoCloseable {

    /** One lesson's outputs. */
    public record Built(Path source, String title, Path deck, Path handout, int slides, boolean rehearsed) {}

    /** The decks' own style and script, beside them. */
    static final List<String> THEME = List.of("deck.css", "deck.js");

    private final Path outDir;
    private final RevealAssets assets;
    private final LessonParser parser;
    private final Asciidoctor handouts;
    private final PresenterView handoutView;

    public DeckBuilder(Path outDir) {
        this.outDir = outDir.toAbsolutePath();
        this.assets = new RevealAssets(this.outDir.resolve("vendor"));
        Logger.getLogger("asciidoctor").setUseParentHandlers(false);
        parser = new LessonParser();
        handouts = Asciidoctor.Factory.create();
        handoutView = new PresenterView();
        handouts.javaExtensionRegistry().treeprocessor(handoutView);
    }

    public Path outDir() {
        return outDir;
    }

    /** Installs reveal.js and highlight.js under {@code OUT/vendor} unless they are there already, and the decks' theme. */
    public void prepareAssets(Consumer<String> progress) {
        assets.ensure(progress);
        try {
            Files.createDirectories(outDir);
            for (String file : THEME) {
                try (InputStream in = DeckBuilder.class.getResourceAsStream("/present/" + file)) {
                    Files.copy(in, outDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the decks' theme to " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a lesson or demo file into its steps (a mistake in it is a {@code LessonFormatException} naming its line). */
    public Lesson parse(Path source) {
        return parser.parse(source, source.toString());
    }

    /** Builds the deck and the handout of every lesson, then an index page that links them. */
    public List<Built> buildAll(Map<Path, Lesson> lessons, Map<Path, Recording> recordings, Consumer<String> progress) {
        List<Built> built = new ArrayList<>();
        for (Map.Entry<Path, Lesson> lesson : lessons.entrySet()) {
            progress.accept("Writing the deck and handout of " + lesson.getKey().getFileName());
            built.add(build(
                    lesson.getKey(),
                    lesson.getValue(),
                    recordings.getOrDefault(
                            lesson.getKey(), Recording.none("the decks were built without a rehearsal."))));
        }
        writeIndex(built);
        return built;
    }

    public Built build(Path source, Lesson lesson, Recording recording) {
        String id = source.getFileName().toString().replaceFirst("\\.adoc$", "");
        Path deck = outDir.resolve(id + ".html");
        Path handout = outDir.resolve("handouts").resolve(id + ".html");
        List<Slide> slides = SlidePlan.of(lesson, recording);
        try {
            Files.createDirectories(handout.getParent());
            copyPictures(source, slides);
            AtomicFiles.write(deck, DeckPage.html(lesson.title(), slides));
            handoutView.show(recording);
            try {
                handouts.convert(
                        Files.readString(source),
                        Options.builder()
                                .backend("html5")
                                .safe(SafeMode.UNSAFE) // lessons include code from streamlab's own sources
                                .sourcemap(true) // the handout finds each cell's recorded output by the cell's line
                                .baseDir(source.toAbsolutePath().getParent().toFile())
                                .toFile(handout.toFile())
                                .mkDirs(true)
                                .standalone(true)
                                .attributes(handoutAttributes())
                                .build());
            } finally {
                handoutView.show(null);
            }
            return new Built(source, lesson.title(), deck, handout, slides.size(), recording.rehearsed());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot convert " + source + ": " + e.getMessage(), e);
        }
    }

    /** A picture a lesson shows ({@code image::pictures/x.svg[]}) is copied beside the deck, if it is inside the lessons' folder. */
    private void copyPictures(Path source, List<Slide> slides) throws IOException {
        Path lessonDir = source.toAbsolutePath().getParent().normalize();
        for (Slide slide : slides) {
            for (var element : slide.body()) {
                if (element instanceof Image image) {
                    Path from = lessonDir.resolve(image.file()).normalize();
                    Path to = outDir.resolve(image.file()).normalize();
                    if (!from.startsWith(lessonDir) || !to.startsWith(outDir) || !Files.isRegularFile(from)) {
                        throw new IllegalStateException(
                                "The picture " + image.file() + " in " + source
                                        + " is not a file inside the lesson's folder. Put it there and name it relative to the lesson.");
                    }
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    Path forHandout =
                            outDir.resolve("handouts").resolve(image.file()).normalize();
                    Files.createDirectories(forHandout.getParent());
                    Files.copy(from, forHandout, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Attributes handoutAttributes() {
        return Attributes.builder()
                .attribute("source-highlighter", "highlight.js")
                .attribute("highlightjsdir", "../vendor/node_modules/@highlightjs/cdn-assets")
                .attribute("highlightjs-theme", "github")
                .attribute("experimental", "")
                .attribute("webfonts!", "")
                .attribute("icons!", "")
                .attribute("toc", "left")
                .build();
    }

    private void writeIndex(List<Built> built) {
        StringBuilder adoc = new StringBuilder("= streamlab: decks and handouts\n\n");
        adoc.append("Open a deck in a browser; press `s` for the speaker notes, `f` for full screen.\n\n");
        adoc.append("[cols=\"3,1,1,1\"]\n|===\n|Lesson or demo |Deck |Handout |Outputs\n\n");
        for (Built b : built) {
            String deck = outDir.relativize(b.deck()).toString().replace('\\', '/');
            String handout = outDir.relativize(b.handout()).toString().replace('\\', '/');
            adoc.append("|")
                    .append(b.title().replace("|", "\\|"))
                    .append(" |link:")
                    .append(deck)
                    .append("[deck]")
                    .append(" |link:")
                    .append(handout)
                    .append("[handout]")
                    .append(" |")
                    .append(b.rehearsed() ? "from the rehearsal" : "code only")
                    .append('\n');
        }
        adoc.append("|===\n");
        handouts.convert(
                adoc.toString(),
                Options.builder()
                        .backend("html5")
                        .safe(SafeMode.UNSAFE)
                        .toFile(outDir.resolve("index.html").toFile())
                        .standalone(true)
                        .attributes(Attributes.builder()
                                .attribute("webfonts!", "")
                                .attribute("icons!", "")
                                .build())
                        .build());
    }

    @Override
    public void close() {
        parser.close();
        handouts.shutdown();
    }
}
