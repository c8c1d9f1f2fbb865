package dev.streamlab.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Facts about this machine that decide whether the workshop can run here. */
public record EnvironmentFacts(
        String javaVersion,
        String javaVendor,
        boolean fullJdk,
        long maxHeapMb,
        long physicalMemoryMb,
        int processors,
        boolean dockerAnswers,
        String dockerDetail) {

    public static EnvironmentFacts gather() {
        Docker docker = probeDocker();
        return new EnvironmentFacts(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                ModuleLayer.boot().findModule("jdk.jshell").isPresent(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                totalPhysicalMemoryMb(),
                Runtime.getRuntime().availableProcessors(),
                docker.answers,
                docker.detail);
    }

    private static long totalPhysicalMemoryMb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    /** The peak resident memory of this process (Linux only), in MB. */
    public static Optional<Long> peakResidentMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or /proc is not mounted.
        }
        return Optional.empty();
    }

    private record Docker(boolean answers, String detail) {}

    /**
     * Asks the Docker engine's {@code /_ping} endpoint over its Unix socket. Testcontainers does far more;
     * this only has to tell the learner whether an engine is there, without loading Testcontainers.
     */
    private static Docker probeDocker() {
        String host = Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unix:///var/run/docker.sock");
        if (!host.startsWith("unix://")) {
            return new Docker(false, "DOCKER_HOST is " + host + " (only a local socket is checked)");
        }
        Path socket = Path.of(host.substring("unix://".length()));
        if (!Files.exists(socket)) {
            return new Docker(false, "no engine (no " + socket + ")");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(
                    ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(512);
            channel.read(answer);
            String reply = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return reply.contains(" 200 ")
                    ? new Docker(true, "engine answers at " + socket)
                    : new Docker(false, "engine at " + socket + " did not answer OK");
        } catch (IOException e) {
            return new Docker(false, "no engine answers at " + socket + " (" + e.getMessage() + ")");
        }
    }
}
