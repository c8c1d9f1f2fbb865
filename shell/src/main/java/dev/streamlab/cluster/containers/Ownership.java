package dev.streamlab.cluster.containers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Labels on every container and network streamlab creates, saying which process owns it. Ryuk (Testcontainers'
 * reaper) cannot be pulled offline, so {@link ContainerReaper} uses these to remove what a dead process left.
 *
 * <p>A process is identified by its PID and its start time (PIDs are reused), on a host (an engine may be shared).
 */
public record Ownership(String cluster, long pid, String processStart, String host) {

    static final String PREFIX = "dev.streamlab.";
    static final String CLUSTER = PREFIX + "cluster";
    static final String OWNER_PID = PREFIX + "owner-pid";
    static final String OWNER_START = PREFIX + "owner-start";
    static final String OWNER_HOST = PREFIX + "owner-host";

    /** This process owning a new cluster with the given id. */
    public static Ownership ofThisProcess(String cluster) {
        ProcessHandle self = ProcessHandle.current();
        return new Ownership(cluster, self.pid(), startOf(self).orElse(""), hostName());
    }

    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CLUSTER, cluster);
        labels.put(OWNER_PID, String.valueOf(pid));
        labels.put(OWNER_START, processStart);
        labels.put(OWNER_HOST, host);
        return labels;
    }

    /** Reads the owner back from labels; empty when they are not ours. */
    static Optional<Ownership> fromLabels(Map<String, String> labels) {
        if (labels == null || !labels.containsKey(OWNER_PID)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ownership(
                    labels.getOrDefault(CLUSTER, ""),
                    Long.parseLong(labels.get(OWNER_PID)),
                    labels.getOrDefault(OWNER_START, ""),
                    labels.getOrDefault(OWNER_HOST, "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the owning process is gone. Only answered for owners on this host; an owner elsewhere
     * (a shared engine) is presumed alive.
     */
    boolean ownerIsGone() {
        if (!host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        // Same PID, another process: the owner died and its PID was given out again.
        return !processStart.isEmpty()
                && startOf(process.get()).map(s -> !s.equals(processStart)).orElse(false);
    }

    private static Optional<String> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }
}
