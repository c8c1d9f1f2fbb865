package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        assertThat(result.output()).contains("x ==> 20", "hello", "==> 42");
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
    void aStopForOneCellNeverReachesTheNext() throws Exception {
        CompletableFuture<JavaResult> running = CompletableFuture.supplyAsync(() -> session.eval("while (true) { }"));
        await().atMost(Duration.ofSeconds(10)).until(() -> session.isEvaluating());
        session.stop();
        assertThat(running.get().outcome()).isEqualTo(JavaOutcome.STOPPED);

        // Right after, while the stop that ended the loop may still be retrying: this cell must run to its end.
        // (JShell reports a stopped snippet like a finished one, so the cell measures how long it slept.)
        JavaResult next = session.eval("long t0 = System.nanoTime(); Thread.sleep(600);"
                + " System.out.println(\"slept \" + (System.nanoTime() - t0) / 1_000_000 + \" ms\");");

        assertThat(next.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(next.output()).containsPattern("slept (6\\d\\d|[7-9]\\d\\d|\\d{4,}) ms");
    }

    @Test
    void outOfMemoryIsReportedAndJavaCarriesOn() {
        JavaResult result = session.eval("var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1_000_000]);");
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
