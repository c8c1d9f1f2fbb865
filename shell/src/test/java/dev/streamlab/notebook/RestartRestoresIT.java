package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After the learner's Java process had to go (an endless loop on Java 20+, System.exit, a crash), the learner is
 * back where they were: declarations come back, plain values keep their last value, and code that could repeat what
 * it did in Kafka is not run again. On Java 17 (where a stop ends the loop in place) and on a newer JDK.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RestartRestoresIT {

    static Stream<Arguments> jdks() {
        return Stream.of(
                Arguments.of(Named.of("Java " + Runtime.version().feature(), InstalledJdks.current())),
                Arguments.of(Named.of(
                        "a JDK without Thread.stop (20+)",
                        InstalledJdks.withoutThreadStop().orElse(null))));
    }

    private static JavaSession session(Path java) {
        Assumptions.assumeTrue(java != null, "no JDK 20 or newer on this machine (set STREAMLAB_TEST_NEW_JDK)");
        return new JavaSession(java, List.of("-Xmx96m", "-XX:+UseSerialGC"), Notebook.PRELUDE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anEndlessLoopStoppedCostsNothing(Path jdk) throws Exception {
        try (JavaSession session = session(jdk)) {
            session.eval("int keep = 7; keep++;");
            session.eval(
                    "int twice(int x) { return 2 * x; }\nrecord Card(String number) {}\nvar card = new Card(\"4000-0001\");");
            // A class of the learner's runs their code when it is made: such an object is not made again.
            session.eval("class Counter { static int made; Counter() { made++; } }\nvar counter = new Counter();");
            CompletableFuture<JavaResult> running =
                    CompletableFuture.supplyAsync(() -> session.eval("while (true) { }"));
            await().atMost(Duration.ofSeconds(10)).until(session::isEvaluating);
            session.stop();
            JavaResult stopped = running.get(30, TimeUnit.SECONDS);
            if (stopped.outcome() == JavaOutcome.RESTARTED) {
                assertThat(stopped.problem())
                        .isEqualTo("Your code did not stop when asked, so streamlab ended the Java process "
                                + "that ran it. The shell and the cluster are fine. Java started afresh. "
                                + "Restored keep with its last value, card as its declaration makes it, 1 method and 2 classes. "
                                + "Not restored, because running their code again could repeat what it did: counter. "
                                + "Run their cells again if you need them.");
            } else {
                assertThat(stopped.outcome()).isEqualTo(JavaOutcome.STOPPED);
                assertThat(Runtime.version().feature()).isLessThan(20);
            }
            assertThat(session.eval("keep + 1").output()).endsWith(" ==> 9\n");
            assertThat(session.eval("twice(card.number().length())").output()).endsWith("==> 18\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void systemExitBringsBackWhatIsSafeAndNamesTheRest(Path jdk, @TempDir Path folder) throws Exception {
        Path log = folder.resolve("log.txt");
        try (JavaSession session = session(jdk)) {
            session.eval(
                    "String who = \"ricardo \\\"the reader\\\"\"; long big = 1L << 40; char c = 'x'; double half = 0.5;");
            session.eval("var tp = new TopicPartition(\"orders\", 0);");
            session.eval("int sent = 0; sent = sent + 1;");
            // Writing a file, like sending a record, must not happen twice.
            session.eval("var written = java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + log
                    + "\"), \"once\\n\", "
                    + "java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);");
            JavaResult exit = session.eval("System.exit(3);");
            assertThat(exit.outcome()).isEqualTo(JavaOutcome.RESTARTED);
            assertThat(exit.problem())
                    .isEqualTo("Your code ended its Java process (exit code 3, as with System.exit). "
                            + "The shell and the cluster are fine. Java started afresh. "
                            + "Restored who, big, c, half and sent with their last values and tp as its declaration makes it. "
                            + "Not restored, because running their code again could repeat what it did: written. "
                            + "Run their cells again if you need them.");
            assertThat(session.eval("who").output()).isEqualTo("who ==> \"ricardo \\\"the reader\\\"\"\n");
            assertThat(session.eval("big + c + half").output())
                    .endsWith("==> 1.0995116279160E12\n"
                            .replace("1.0995116279160E12", String.valueOf((1L << 40) + 'x' + 0.5)));
            assertThat(session.eval("tp").output()).isEqualTo("tp ==> orders-0\n");
            assertThat(session.eval("sent").output()).isEqualTo("sent ==> 1\n");
            assertThat(java.nio.file.Files.readString(log)).isEqualTo("once\n");
            JavaResult gone = session.eval("written");
            assertThat(gone.outcome()).isEqualTo(JavaOutcome.COMPILE_ERROR);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void resetForgetsAndARestartAfterItRestoresNothing(Path jdk) {
        try (JavaSession session = session(jdk)) {
            session.eval("int gone = 1;");
            session.reset();
            JavaResult exit = session.eval("System.exit(0);");
            assertThat(exit.problem()).endsWith("Java started afresh. There was nothing to restore.");
        }
    }
}
