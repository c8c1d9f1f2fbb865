package dev.streamlab.bench;

import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.jvm.JavaCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a benchmark needs: how many runs, where to report progress, and how to run a probe in a fresh JVM
 * with the same JVM options the launcher gave this one (so a cold start is measured as a learner meets it).
 */
public record BenchContext(int runs, ClusterListener listener, Path projectRoot) {

    private static final long PROBE_TIMEOUT_SECONDS = 180;

    /** This JVM's classpath, for probes of our own. */
    public static String ownClasspath() {
        return System.getProperty("java.class.path");
    }

    /**
     * Runs {@code mainClass} in a new JVM and returns the rest of the first line of its output that
     * starts with {@code prefix}.
     */
    public String probe(String classpath, String mainClass, String prefix, String... args)
            throws IOException, InterruptedException {
        // The launcher's class data archive holds our classes only; another classpath (the reference) runs without it,
        // as the JDK alone would run it.
        boolean ours = classpath.equals(ownClasspath());
        List<String> command = JavaCommand.using(
                        Path.of(ProcessHandle.current().info().command().orElse("java")))
                .options(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
                        .filter(a -> ours
                                || !(a.startsWith("-XX:SharedArchiveFile")
                                        || a.startsWith("-Xshare")
                                        || a.startsWith("-Xlog:cds")))
                        .toList())
                .classPath(List.of(classpath))
                .main(mainClass, args)
                .toList();
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(mainClass + " did not finish within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            Optional<String> line =
                    output.lines().filter(l -> l.startsWith(prefix)).findFirst();
            return line.map(l -> l.substring(prefix.length()).trim())
                    .orElseThrow(() -> new IOException(
                            mainClass + " printed no '" + prefix + "' (exit code " + process.exitValue() + ")"));
        } finally {
            process.destroyForcibly();
        }
    }
}
