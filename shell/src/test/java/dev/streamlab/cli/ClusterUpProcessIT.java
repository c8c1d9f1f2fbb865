package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code streamlab cluster up} in its own JVM, stopped with Ctrl-C (SIGINT) as a learner would. */
class ClusterUpProcessIT {

    private Path tmp;
    private Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    @BeforeEach
    void privateTempDir() throws IOException {
        tmp = Files.createTempDirectory("streamlab-it-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (process != null) {
            process.destroyForcibly();
        }
        try (var paths = Files.walk(tmp)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void ctrlCWhileRunningStopsTheClusterAndRemovesItsFiles() throws Exception {
        start("-Xmx512m", "cluster", "up", "--cluster", "embedded", "--brokers", "1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stderr.stream().anyMatch(l -> l.contains("Press Ctrl-C to stop.")));
        // stdout and stderr are read by two threads: the address may arrive a moment after the prompt.
        await().atMost(Duration.ofSeconds(5)).until(() -> !stdout.isEmpty());
        assertThat(stdout).singleElement().asString().matches("127\\.0\\.0\\.1:\\d+");

        interrupt();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(clusterDirectories()).isEmpty();
    }

    @Test
    void aSecureClusterWritesTheAdminsSettingsAndRefusesEveryoneElse() throws Exception {
        Path adminFile = tmp.resolve("admin.properties");
        start("-Xmx512m", "cluster", "up", "--secure", "--brokers", "1", "--admin-config", adminFile.toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stderr.stream().anyMatch(l -> l.contains("Press Ctrl-C to stop.")));
        assertThat(stderr).anyMatch(l -> l.contains("Admin (super user) settings: " + adminFile));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile)))
                .isEqualTo("rw-------");
        java.util.Properties settings = new java.util.Properties();
        try (var in = Files.newBufferedReader(adminFile)) {
            settings.load(in);
        }
        try (var admin = org.apache.kafka.clients.admin.Admin.create(settings)) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        java.util.Properties wrong = new java.util.Properties();
        wrong.putAll(settings);
        wrong.put("sasl.jaas.config", dev.streamlab.cluster.ClusterSecurity.scramJaas("admin", "guess"));
        try (var admin = org.apache.kafka.clients.admin.Admin.create(wrong)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }

        interrupt();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(clusterDirectories()).isEmpty();
    }

    @Test
    void ctrlCWhileStartingLeavesNothingBehind() throws Exception {
        start("-Xmx512m", "cluster", "up", "--cluster", "embedded", "--brokers", "3");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stderr.stream().anyMatch(l -> l.contains("Starting the controller")));

        interrupt();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(clusterDirectories()).isEmpty();
    }

    @Test
    void tooLittleMemorySaysHowToGiveJavaMore() throws Exception {
        start("-Xmx100m", "cluster", "up", "--cluster", "embedded", "--brokers", "3");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.ENVIRONMENT);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> String.join("\n", stderr).contains("JAVA_OPTS=-Xmx1g"));
        assertThat(stderr).anyMatch(l -> l.startsWith("Error: Java may use only "));
        assertThat(clusterDirectories()).isEmpty();
    }

    private void start(String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                heap,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NO_COLOR", "1");
        process = builder.start();
        StreamlabProcess.follow(process.getInputStream(), stdout);
        StreamlabProcess.follow(process.getErrorStream(), stderr);
    }

    private void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
    }

    private List<Path> clusterDirectories() throws IOException {
        try (var paths = Files.list(tmp)) {
            return paths.filter(p -> p.getFileName().toString().startsWith("streamlab-cluster-"))
                    .toList();
        }
    }
}
