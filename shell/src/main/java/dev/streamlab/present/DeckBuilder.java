package dev.streamlab.present;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * Turns lessons and demos into reveal.js decks ({@code OUT/ID.html}) and HTML handouts
 * ({@code OUT/handouts/ID.html}) with AsciidoctorJ and asciidoctorj-revealjs, from the lessons' own source.
 * Every asset is local ({@link RevealAssets} under {@code OUT/vendor}): the output opens offline.
 *
 * <p>Starting Asciidoctor takes seconds (JRuby): only {@code streamlab slides} and its test load this class.
 */
public final class DeckBuilder implements AutoCloseable {

    /** One lesson's outputs. */
    public record Built(Path source, String title, Path deck, Path handout) {
    }

    /** The decks' own style sheet, beside them: smaller type, and long slides scroll. */
    static final String DECK_CSS = "deck.css";

    private final Path outDir;
    private final RevealAssets assets;
    private final Asciidoctor decks;
    private final Asciidoctor handouts;

    public DeckBuilder(Path outDir) {
        this.outDir = outDir.toAbsolutePath();
        this.assets = new RevealAssets(this.outDir.resolve("vendor"));
        Logger.getLogger("asciidoctor").setUseParentHandlers(false);
        // One Asciidoctor per audience: tree processors apply to every document of their instance.
        decks = Asciidoctor.Factory.create();
        decks.requireLibrary("asciidoctor-revealjs");
        decks.javaExtensionRegistry().treeprocessor(new PresenterView(PresenterView.Audience.DECK));
        handouts = Asciidoctor.Factory.create();
        handouts.javaExtensionRegistry().treeprocessor(new PresenterView(PresenterView.Audience.HANDOUT));
    }

    public Path outDir() {
        return outDir;
    }

    /** Installs reveal.js and highlight.js under {@code OUT/vendor} unless they are there already, and the decks' style. */
    public void prepareAssets(Consumer<String> progress) {
        assets.ensure(progress);
        try (var css = DeckBuilder.class.getResourceAsStream("/present/" + DECK_CSS)) {
            Files.createDirectories(outDir);
            Files.copy(css, outDir.resolve(DECK_CSS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + outDir.resolve(DECK_CSS) + ": " + e.getMessage(), e);
        }
    }

    /** Builds the deck and the handout of every source, then an index page that links them. */
    public List<Built> buildAll(List<Path> sources, Consumer<String> progress) {
        List<Built> built = new ArrayList<>();
        for (Path source : sources) {
            progress.accept("Converting " + source.getFileName());
            built.add(build(source));
        }
        writeIndex(built);
        return built;
    }

    public Built build(Path source) {
        String id = source.getFileName().toString().replaceFirst("\\.adoc$", "");
        Path deck = outDir.resolve(id + ".html");
        Path handout = outDir.resolve("handouts").resolve(id + ".html");
        try {
            Files.createDirectories(handout.getParent());
            String text = Files.readString(source);
            decks.convert(text, options(source, deck, "revealjs", deckAttributes()));
            handouts.convert(text, options(source, handout, "html5", handoutAttributes()));
            String title = decks.load(text, Options.builder().safe(SafeMode.UNSAFE).parseHeaderOnly(true).build()).getDoctitle();
            return new Built(source, title == null ? id : title, deck, handout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot convert " + source + ": " + e.getMessage(), e);
        }
    }

    private Options options(Path source, Path target, String backend, Attributes attributes) {
        return Options.builder()
                .backend(backend)
                .safe(SafeMode.UNSAFE) // lessons include code from streamlab's own sources
                .baseDir(source.toAbsolutePath().getParent().toFile())
                .toFile(target.toFile())
                .mkDirs(true)
                .standalone(true)
                .attributes(attributes)
                .build();
    }

    private Attributes deckAttributes() {
        return Attributes.builder()
                .attribute("revealjsdir", "vendor/node_modules/reveal.js")
                .attribute("revealjs_theme", "white")
                .attribute("customcss", DECK_CSS)
                .attribute("revealjs_history", "true")
                .attribute("revealjs_slideNumber", "c/t")
                .attribute("source-highlighter", "highlight.js")
                .attribute("highlightjsdir", "vendor/node_modules/@highlightjs/cdn-assets")
                .attribute("highlightjs-theme", "vendor/node_modules/@highlightjs/cdn-assets/styles/github.min.css")
                .attribute("experimental", "")
                .attribute("webfonts!", "")
                .attribute("icons!", "")
                .build();
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
        adoc.append("[cols=\"3,1,1\"]\n|===\n|Lesson or demo |Deck |Handout\n\n");
        for (Built b : built) {
            String deck = outDir.relativize(b.deck()).toString().replace('\\', '/');
            String handout = outDir.relativize(b.handout()).toString().replace('\\', '/');
            adoc.append("|").append(b.title().replace("|", "\\|"))
                    .append(" |link:").append(deck).append("[deck]")
                    .append(" |link:").append(handout).append("[handout]\n");
        }
        adoc.append("|===\n");
        handouts.convert(adoc.toString(), Options.builder().backend("html5").safe(SafeMode.UNSAFE)
                .toFile(outDir.resolve("index.html").toFile()).standalone(true)
                .attributes(Attributes.builder().attribute("webfonts!", "").attribute("icons!", "").build()).build());
    }

    @Override
    public void close() {
        decks.shutdown();
        handouts.shutdown();
    }
}
