package dev.streamlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The page's code editor, CodeMirror 5 with its Java mode and its completion list (filled by JShell), installed once from the npm registry
 * ({@code npm install --prefix DIR}) like the decks' reveal.js, and served from there: no network once installed.
 * The page works without it, with a plain text box.
 */
public final class EditorAssets {

    public static final String CODEMIRROR = "codemirror@5.65.21";

    /** A vendor folder installed already (a distribution's), used in place of asking npm. */
    public static final String PREINSTALLED_PROPERTY = "streamlab.web.vendor";

    /** The only files served, by the name the page asks for. */
    private static final Map<String, String> FILES = Map.of(
            "codemirror.js", "lib/codemirror.js",
            "codemirror.css", "lib/codemirror.css",
            "clike.js", "mode/clike/clike.js",
            "show-hint.js", "addon/hint/show-hint.js",
            "show-hint.css", "addon/hint/show-hint.css");

    private final Path vendorDir;

    public EditorAssets(Path vendorDir) {
        this.vendorDir = vendorDir;
    }

    /** Installs the editor into the folder {@code args[0]}: the distribution's build runs this, so learners need no npm. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Give the folder to install the editor into.");
            System.exit(2);
        }
        boolean here = new EditorAssets(Path.of(args[0])).ensure(System.out::println, System.err::println);
        System.exit(here ? 0 : 1);
    }

    /** The distribution's folder when it names a complete one, else {@code fallback} (the learner's own). */
    public static EditorAssets preinstalledOr(Path fallback) {
        String named = System.getProperty(PREINSTALLED_PROPERTY);
        if (named != null && !named.isBlank() && new EditorAssets(Path.of(named)).present()) {
            return new EditorAssets(Path.of(named));
        }
        return new EditorAssets(fallback);
    }

    private Path codemirror() {
        return vendorDir.resolve("node_modules/codemirror");
    }

    public boolean present() {
        return FILES.values().stream()
                .allMatch(f -> Files.isRegularFile(codemirror().resolve(f)));
    }

    /** A file the page asks for by name ({@code codemirror.js}...), or empty for any other name. */
    public Optional<Path> file(String name) {
        String relative = FILES.get(name);
        return relative == null || !present()
                ? Optional.empty()
                : Optional.of(codemirror().resolve(relative));
    }

    /**
     * Installs the editor unless it is here already; on failure says why in {@code problem} and leaves the page its
     * plain text boxes. Returns whether the editor is here.
     */
    public boolean ensure(Consumer<String> progress, Consumer<String> problem) {
        if (present()) {
            return true;
        }
        List<String> command = List.of(
                "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", vendorDir.toString(), CODEMIRROR);
        progress.accept("Installing the code editor, " + CODEMIRROR + ", into " + vendorDir + " (once)");
        try {
            Files.createDirectories(vendorDir);
            Process npm = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(vendorDir.resolve("npm-install.log").toFile())
                    .start();
            if (!npm.waitFor(2, TimeUnit.MINUTES)) {
                npm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                problem.accept(
                        "npm install of " + CODEMIRROR + " took more than 2 minutes: the cells are plain text boxes.");
            } else if (npm.exitValue() != 0 || !present()) {
                problem.accept("npm install of " + CODEMIRROR + " failed (see " + vendorDir.resolve("npm-install.log")
                        + "): the cells are plain text boxes. Run `" + String.join(" ", command) + "` to try again.");
            }
        } catch (IOException e) {
            problem.accept("The code editor comes from the npm registry, and `npm` could not run (" + e.getMessage()
                    + "): the cells are plain text boxes. Install Node.js for the editor.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return present();
    }
}
