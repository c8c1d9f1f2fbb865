package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamlab slides} as a presenter types it, mistakes included. The full build with the rehearsal is
 * {@code DeckBuilderIT}'s; here the decks are of code only, so no cluster starts.
 */
class SlidesCommandIT {

    /** reveal.js is installed once into target/ (npm), then copied by each run that needs it. */
    private static final Path VENDOR_CACHE = Path.of("target/slides-it/vendor");

    @Test
    void withoutARehearsalTheDecksShowCodeOnlyAndSaySo(@TempDir Path out) throws IOException {
        copyVendor(out);
        CommandLineRun run = CommandLineRun.of(
                "slides", "--no-rehearse", "--only", "00", "--out", out.toString(), "--lessons", "../lessons");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .isEqualTo("00-welcome.html  Welcome to streamlab  (" + slides(out.resolve("00-welcome.html"))
                        + " slides, code only)\n");
        assertThat(Files.readString(out.resolve("00-welcome.html")))
                .contains("This deck shows code only")
                .doesNotContain("<pre class=\"output\">");
        assertThat(Files.readString(out.resolve("index.html"))).contains("code only");
        assertThat(out).isDirectoryNotContaining("glob:**/01-the-log.html");
    }

    @Test
    void aNameThatIsNoLessonIsAClearMistake(@TempDir Path out) {
        CommandLineRun run =
                CommandLineRun.of("slides", "--only", "99", "--out", out.toString(), "--lessons", "../lessons");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("No lesson or demo in")
                .contains("is called 99")
                .contains("such as 01-the-log or streaming-first");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aLessonsFolderThatIsNotThereIsAClearMistake(@TempDir Path out) {
        CommandLineRun run = CommandLineRun.of(
                "slides",
                "--out",
                out.toString(),
                "--lessons",
                out.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("There is no lessons folder at").contains("nowhere");
    }

    @Test
    void aPictureFromOutsideTheLessonsFolderIsRefusedByName(@TempDir Path dir) throws IOException {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(dir.resolve("secret.svg"), "<svg/>");
        Files.writeString(lessons.resolve("01-peek.adoc"), "= Peek\n\nA picture.\n\nimage::../secret.svg[a secret]\n");
        Path out = dir.resolve("decks");
        copyVendor(out);
        CommandLineRun run =
                CommandLineRun.of("slides", "--no-rehearse", "--out", out.toString(), "--lessons", lessons.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(run.err())
                .contains("The picture ../secret.svg")
                .contains("is not a file inside the lesson's folder");
        assertThat(dir.resolve("secret.svg")).exists();
        assertThat(out).isDirectoryNotContaining("glob:**/secret.svg");
    }

    private static long slides(Path deck) throws IOException {
        return Files.readString(deck).split("<section ", -1).length - 1;
    }

    private static void copyVendor(Path out) throws IOException {
        if (!Files.isDirectory(VENDOR_CACHE.resolve("node_modules/reveal.js"))) {
            new dev.streamlab.present.RevealAssets(VENDOR_CACHE).ensure(line -> {});
        }
        Path target = out.resolve("vendor");
        try (var files = Files.walk(VENDOR_CACHE)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(VENDOR_CACHE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
