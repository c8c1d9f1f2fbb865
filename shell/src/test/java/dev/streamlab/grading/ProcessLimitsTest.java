package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.streamlab.jvm.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM under the limits ProcessLimits sets: a Kafka client fits, and a thread bomb ends at the limit, not past it. */
class ProcessLimitsTest {

    @TempDir
    Path temp;

    @Test
    void thePrefixIsPrlimitWithEveryLimitOrNothingAndWhy() {
        ProcessLimits limits = ProcessLimits.forJvmHeap(256);
        assertThat(limits.addressSpaceBytes()).isEqualTo((256L + 512) << 20);

        ProcessLimits.Prefix missing = limits.prefix(temp.resolve("no-prlimit"));
        assertThat(missing.applied()).isFalse();
        assertThat(missing.command()).isEmpty();
        assertThat(missing.whyNone()).isPresent();

        ProcessLimits.Prefix prefix = limits.prefix();
        assumeThat(prefix.applied()).as(prefix.whyNone().orElse("")).isTrue();
        assertThat(prefix.command())
                .containsExactly(
                        "/usr/bin/prlimit",
                        "--as=" + ((256L + 512) << 20),
                        "--nofile=4096",
                        "--fsize=" + (512L << 20),
                        "--core=0",
                        "--");
    }

    /** A learner's code that starts threads in a loop: the JVM throws at the limit instead of growing past it. */
    @Test
    void threadsStartedInALoopEndInAnOutOfMemoryErrorAtTheLimit() throws Exception {
        ProcessLimits limits = ProcessLimits.forJvmHeap(64);
        String out = run(
                limits,
                64,
                ThreadBombProbe.class,
                List.of(codeSource(ThreadBombProbe.class).toString()));

        assertThat(out)
                .contains("OutOfMemoryError after")
                .contains("unable to create native thread")
                .doesNotContain("no limit");
        Matcher peak = Pattern.compile("VmPeak kB (\\d+)").matcher(out);
        assertThat(peak.find()).as(out).isTrue();
        long peakBytes = Long.parseLong(peak.group(1)) * 1024;
        assertThat(peakBytes)
                .as("the address space reached")
                .isLessThanOrEqualTo(limits.addressSpaceBytes())
                .isGreaterThan(limits.addressSpaceBytes() - (64L << 20));
    }

    /** java -Xmx256m with the options fits a Kafka client under its limit (measured: it needs 681 to 731 MiB of 768). */
    @Test
    void aKafkaClientRunsUnderTheLimitOfItsHeap() throws Exception {
        String out = run(ProcessLimits.forJvmHeap(256), 256, KafkaClientProbe.class, JavaCommand.ownClassPath());

        assertThat(out)
                .contains("the client ran")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("insufficient memory");
    }

    private String run(ProcessLimits limits, int heapMb, Class<?> main, List<String> classPath)
            throws IOException, InterruptedException {
        ProcessLimits.Prefix prefix = limits.prefix();
        assumeThat(prefix.applied()).as(prefix.whyNone().orElse("")).isTrue();
        List<String> command = new ArrayList<>(prefix.command());
        command.addAll(JavaCommand.ofThisJdk()
                .options(ProcessLimits.jvmOptions())
                .option("-Xmx" + heapMb + "m")
                .option("-XX:+UseSerialGC")
                .option("-XX:TieredStopAtLevel=1")
                .option("-XX:-UsePerfData")
                .classPath(classPath)
                .main(main.getName())
                .toList());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ProcessLimits.environment());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
