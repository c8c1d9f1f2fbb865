package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * javac runs in a JVM of its own, stopped after a time limit: code a learner can write in a few hundred bytes keeps it
 * busy for hours (each level of nesting doubles its work: measured on this project's machine, 8 levels of
 * {@code List.of(c ? ... : List.of())} take 9 s and 580 MB, 16 nested {@code finally} blocks a minute and 6 GB), and
 * the grader, and the class after that learner, go on.
 */
class JavaCompilationTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    static Stream<Arguments> codeJavacCannotFinish() {
        String generic = "1";
        while (generic.length() < 1400) {
            generic = "List.of(c ? " + generic + " : List.of())";
        }
        String nestedFinally = "x++;";
        for (int i = 0; i < 24; i++) {
            nestedFinally = "try { x++; } finally { " + nestedFinally + " }";
        }
        return Stream.of(
                Arguments.of(
                        "nested generic calls",
                        "package lab05;\nimport java.util.List;\n" + "class Slow { boolean c; Object f() { return "
                                + generic + "; } }\n"),
                Arguments.of(
                        "nested finally blocks",
                        "package lab05;\nclass Slow { int x; void f() { " + nestedFinally + " } }\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeJavacCannotFinish")
    void codeJavacCannotFinishGetsOneSentenceWithinTheLimit(String name, String source) throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src/lab05"));
        Files.writeString(sources.resolve("Slow.java"), source);
        assertThat(source.length()).isBetween(300, 1600);

        long started = System.nanoTime();
        JavaCompilation.Result result =
                JavaCompilation.compileSubmission(temp.resolve("src"), classpath(), temp.resolve("out"), LIMIT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly(JavaCompilation.timedOut(LIMIT));
        assertThat(result.errors().get(0))
                .startsWith("The Java compiler did not finish within 2 s on this code")
                .contains("simplify");
        assertThat(took).isLessThan(LIMIT.plusSeconds(10));
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(p ->
                                p.info().commandLine().orElse("").contains(JavaCompilationProcess.class.getName())))
                .as("compiler JVMs left running")
                .isEmpty();
    }

    @Test
    void theCompilersJvmReportsErrorsAndRefusalsByLine() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src/lab05"));
        Files.writeString(
                sources.resolve("A.java"), "package lab05;\nclass A {\n  Object f() { return System.getenv(); }\n}\n");
        Files.writeString(sources.resolve("B.java"), "package lab05;\nclass B {\n  int f() { return \"x\"; }\n}\n");

        JavaCompilation.Result result =
                JavaCompilation.compileSubmission(temp.resolve("src"), classpath(), temp.resolve("out"));

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().asString().startsWith("lab05/B.java:3: incompatible types");
        assertThat(result.refusals())
                .singleElement()
                .asString()
                .startsWith("lab05/A.java:3: uses java.lang.System.getenv (the environment)");
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }
}
