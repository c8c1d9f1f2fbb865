package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Learner code runs in a child JVM: whatever it does, the session (and this JVM) carries on. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavaSessionIT {

    private static JavaSession session;

    @BeforeAll
    static void start() {
        session = new JavaSession(List.of("-Xmx96m", "-XX:+UseSerialGC"), List.of("import java.util.*;"));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void runsSeveralSnippetsAndShowsValues() {
        JavaResult result = session.eval("int x = 20;\nSystem.out.println(\"hello\");\nx + 22");
        assertThat(result.outcome()).isEqualTo(JavaOutcome.OK);
        // A declaration before the last snippet gets a short line; only the last value is shown.
        // ($N counts the session's expressions, so it depends on the tests that ran before in this session.)
        assertThat(result.output()).matches("created variable x : int\nhello\n\\$\\d+ ==> 42\n");
    }

    @Test
    void whatTheLearnersCodeLeavesInTheTemporaryFolderGoesWithTheSession() {
        try (JavaSession own = new JavaSession(List.of("-Xmx64m"), List.of())) {
            // Printed, not shown as a value: a value is cut to the screen's width, and the path can be long.
            JavaResult made = own.eval(
                    "System.out.println(\"made \" + java.nio.file.Files.createTempFile(\"left\", \".txt\").toAbsolutePath());");
            assertThat(made.outcome()).isEqualTo(JavaOutcome.OK);
            String file = made.output().replaceAll("(?s).*made (\\S*)\n?.*", "$1");
            assertThat(java.nio.file.Path.of(file)).exists();
            own.close();
            assertThat(java.nio.file.Path.of(file)).doesNotExist();
            assertThat(java.nio.file.Path.of(file).getParent()).doesNotExist();
        }
    }

    /**
     * A stop that arrives as a cell ends (Ctrl-C pressed late, or the shell asking again) stops at most that cell: it
     * never lands in the child's own loop and ends its JVM (it did once in a run under load: "exit code 0").
     */
    @Test
    void stopsThatArriveAsCellsEndNeverEndTheJvm() throws Exception {
        try (JavaSession own = new JavaSession(List.of("-Xmx64m"), List.of())) {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread pressing = new Thread(() -> {
                while (running.get()) {
                    own.stop();
                    Thread.onSpinWait();
                }
            });
            pressing.start();
            java.util.Map<JavaOutcome, Integer> outcomes = new java.util.EnumMap<>(JavaOutcome.class);
            try {
                for (int i = 0; i < 150; i++) {
                    outcomes.merge(own.eval("int x" + i + " = " + i + ";").outcome(), 1, Integer::sum);
                }
            } finally {
                running.set(false);
                pressing.join();
            }
            assertThat(outcomes)
                    .as("outcomes of 150 cells under a rain of stops")
                    .doesNotContainKey(JavaOutcome.RESTARTED);
            assertThat(own.eval("1 + 1").output()).contains("==> 2");
        }
    }

    @Test
    void compileErrorsPointAtTheSpot() {
        JavaResult result = session.eval("String s = 42;");
        assertThat(result.outcome()).isEqualTo(JavaOutcome.COMPILE_ERROR);
        assertThat(result.output()).contains("incompatible types", "String s = 42;\n           ^");
    }

    @Test
    void anExceptionIsReportedAndTheSessionKeepsItsVariables() {
        session.eval("int kept = 7;");
        JavaResult result = session.eval("throw new IllegalStateException(\"boom\");");
        assertThat(result.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(result.output()).contains("java.lang.IllegalStateException: boom");
        assertThat(session.eval("kept").output()).contains("==> 7");
    }

    @Test
    void anExceptionPointsAtTheLineOfTheCell() {
        JavaResult result = session.eval("int half(int n) {\n    return 10 / n;\n}\nhalf(0)");
        assertThat(result.output())
                .isEqualTo("created method half(int)\njava.lang.ArithmeticException: / by zero\n"
                        + "\tat your code, line 2\n");
    }

    @Test
    void systemExitRestartsJavaAndNotTheShell() {
        JavaResult result = session.eval("System.exit(1);");
        assertThat(result.outcome()).isEqualTo(JavaOutcome.RESTARTED);
        assertThat(result.problem()).contains("exit code 1");
        assertThat(session.eval("1 + 1").output()).contains("==> 2");
    }

    @Test
    void anEndlessLoopStopsOnRequest() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>("");
        session.watch(text -> seen.updateAndGet(s -> s + text));
        try {
            CompletableFuture<JavaResult> running = CompletableFuture.supplyAsync(
                    () -> session.eval("System.out.println(\"looping\"); while (true) { }"));
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.get().contains("looping"));
            session.stop();
            JavaResult result = running.get();
            assertThat(result.outcome()).isEqualTo(JavaOutcome.STOPPED);
        } finally {
            session.watch(null);
        }
        assertThat(session.eval("2 + 2").output()).contains("==> 4");
    }

    @Test
    void aStopForOneCellNeverReachesTheNext(@TempDir Path folder) throws Exception {
        CompletableFuture<JavaResult> running = CompletableFuture.supplyAsync(() -> session.eval("while (true) { }"));
        await().atMost(Duration.ofSeconds(10)).until(() -> session.isEvaluating());
        session.stop();
        assertThat(running.get().outcome()).isEqualTo(JavaOutcome.STOPPED);

        // The next cell waits for a file, as one statement: JShell reports a stopped snippet like a finished one,
        // so only a value proves that the cell ran to its end.
        Path release = folder.resolve("release");
        String waitForRelease = "int answer = java.util.stream.IntStream.iterate(0, i -> i + 1)"
                + ".filter(i -> java.nio.file.Files.exists(java.nio.file.Path.of(\"" + release
                + "\"))).findFirst().getAsInt() * 0 + 42;";
        CompletableFuture<JavaResult> next = CompletableFuture.supplyAsync(() -> session.eval(waitForRelease));
        await().atMost(Duration.ofSeconds(10)).until(() -> session.isEvaluating());
        // Every stopper for the first cell has given up (they keep asking for a few seconds at most) before the
        // second cell may end: a stopper that outlived its cell would have stopped this one.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("streamlab-stop") && t.isAlive()));
        Files.createFile(release);

        JavaResult result = next.get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(result.output()).contains("answer ==> 42");
    }

    @Test
    void outOfMemoryIsReportedAndJavaCarriesOn() {
        JavaResult result =
                session.eval("var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1_000_000]);");
        assertThat(result.outcome()).isIn(JavaOutcome.EXCEPTION, JavaOutcome.RESTARTED);
        assertThat(result.problem()).containsAnyOf("OutOfMemoryError", "Java started afresh");
        session.eval("hog = null;");
        assertThat(session.eval("3 + 3").output()).contains("==> 6");
    }

    @Test
    void completesJavaCode() {
        JavaSession.Completions completions = session.complete("System.out.pri", 14);
        assertThat(completions.candidates()).contains("println(", "print(", "printf(");
        assertThat(completions.anchor()).isEqualTo(11);
    }

    @Test
    void knowsWhenCodeIsUnfinished() {
        assertThat(session.isIncomplete("for (int i = 0; i < 3; i++) {")).isTrue();
        assertThat(session.isIncomplete("int y = 3;")).isFalse();
    }
}
