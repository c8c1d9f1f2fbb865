package dev.streamlab.present;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The browser files a deck needs, kept beside the decks so they open offline: reveal.js and highlight.js,
 * installed once from the npm registry ({@code npm install --prefix DIR}) and reused after.
 * reveal.js stays on 5.x: 6.x moved the plugin files that asciidoctor-revealjs 5.1 refers to.
 */
public final class RevealAssets {

    public static final String REVEAL_JS = "reveal.js@5.2.1";
    public static final String HIGHLIGHT_JS = "@highlightjs/cdn-assets@11.11.1";

    /**
     * A vendor folder installed already (an installed distribution ships one, and its launcher names it), copied
     * instead of asking npm, so {@code slides} works offline and without npm.
     */
    public static final String PREINSTALLED_PROPERTY = "streamlab.reveal.vendor";

    private final Path vendorDir;

    public RevealAssets(Path vendorDir) {
        this.vendorDir = vendorDir;
    }

    public Path revealJs() {
        return vendorDir.resolve("node_modules/reveal.js");
    }

    public Path highlightJs() {
        return vendorDir.resolve("node_modules/@highlightjs/cdn-assets");
    }

    public boolean present() {
        return Files.exists(revealJs().resolve("dist/reveal.js"))
                && Files.exists(revealJs().resolve("plugin/notes/notes.js"))
                && Files.exists(highlightJs().resolve("highlight.min.js"));
    }

    /** Installs the files unless they are here already. */
    public void ensure(Consumer<String> progress) {
        if (present()) {
            return;
        }
        if (copyPreinstalled(progress)) {
            return;
        }
        progress.accept("Installing " + REVEAL_JS + " and " + HIGHLIGHT_JS + " into " + vendorDir + " (once)");
        List<String> command = List.of(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "--prefix",
                vendorDir.toString(),
                REVEAL_JS,
                HIGHLIGHT_JS);
        try {
            Files.createDirectories(vendorDir);
            Process npm = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(vendorDir.resolve("npm-install.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException(
                        "npm install took more than 5 minutes; see " + vendorDir.resolve("npm-install.log"));
            }
            if (npm.exitValue() != 0 || !present()) {
                throw new IllegalStateException(
                        "npm install of " + REVEAL_JS + " failed; see " + vendorDir.resolve("npm-install.log")
                                + ". Run `" + String.join(" ", command) + "` yourself to see why.");
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The slides need reveal.js from the npm registry, and `npm` could not run ("
                            + e.getMessage() + "). Install Node.js and npm, or run `" + String.join(" ", command)
                            + "` on a machine that has them and copy " + vendorDir + " here.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing reveal.js", e);
        }
    }

    /** Copies the files from {@value #PREINSTALLED_PROPERTY} when it names a complete vendor folder; false otherwise. */
    private boolean copyPreinstalled(Consumer<String> progress) {
        String named = System.getProperty(PREINSTALLED_PROPERTY);
        if (named == null || named.isBlank()) {
            return false;
        }
        RevealAssets preinstalled = new RevealAssets(Path.of(named));
        if (!preinstalled.present()
                || preinstalled
                        .vendorDir
                        .toAbsolutePath()
                        .normalize()
                        .equals(vendorDir.toAbsolutePath().normalize())) {
            return false;
        }
        progress.accept("Copying reveal.js and highlight.js from " + preinstalled.vendorDir);
        try {
            for (Path from : List.of(preinstalled.revealJs(), preinstalled.highlightJs())) {
                dev.streamlab.files.FileTrees.copy(
                        from,
                        vendorDir.resolve(
                                preinstalled.vendorDir.relativize(from).toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot copy reveal.js from " + preinstalled.vendorDir + " to " + vendorDir + " (" + e.getMessage()
                            + "). Free some space or choose another folder with --out.",
                    e);
        }
        return present();
    }
}
