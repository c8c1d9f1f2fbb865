package dev.streamlab.cli;

import dev.streamlab.cluster.policy.ClassLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The caps a secure cluster puts on every topic and on connections ({@code cluster up --secure}); see {@link ClassLimits}. */
public final class ClassLimitOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--max-partitions-per-topic",
            paramLabel = "N",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_PARTITIONS,
            description = "With --secure: the most partitions a new topic may have (broker setting "
                    + ClassLimits.MAX_PARTITIONS + "; default: ${DEFAULT-VALUE}).")
    int maxPartitions;

    @Option(
            names = "--max-replication-factor",
            paramLabel = "N",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_REPLICATION_FACTOR,
            description = "With --secure: the most replicas a new topic may have (" + ClassLimits.MAX_REPLICATION_FACTOR
                    + "; default: ${DEFAULT-VALUE}).")
    int maxReplicationFactor;

    @Option(
            names = "--max-message-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_MESSAGE_BYTES,
            description =
                    "With --secure: the largest max.message.bytes a topic may have, and the brokers' message.max.bytes"
                            + " (" + ClassLimits.MAX_MESSAGE_BYTES
                            + "; default: ${DEFAULT-VALUE}, 1 MiB and a batch header).")
    int maxMessageBytes;

    @Option(
            names = "--max-retention-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_RETENTION_BYTES,
            description =
                    "With --secure: the largest retention.bytes (per partition) a topic may have, and the brokers'"
                            + " default; unlimited (-1) is refused (" + ClassLimits.MAX_RETENTION_BYTES
                            + "; default: ${DEFAULT-VALUE}, 64 MiB).")
    long maxRetentionBytes;

    @Option(
            names = "--max-segment-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_SEGMENT_BYTES,
            description =
                    "With --secure: the largest segment.bytes a topic may have (" + ClassLimits.MAX_SEGMENT_BYTES
                            + "; default: ${DEFAULT-VALUE}, 64 MiB). A topic holds at most partitions x (retention + segment) bytes.")
    long maxSegmentBytes;

    @Option(
            names = "--max-connections-per-ip",
            paramLabel = "N",
            defaultValue = "" + ClassLimits.DEFAULT_MAX_CONNECTIONS_PER_IP,
            description =
                    "With --secure: connections to each broker from one IP address (Kafka's max.connections.per.ip;"
                            + " default: ${DEFAULT-VALUE}). Kafka has no cap per user: learners on one machine share this.")
    int maxConnectionsPerIp;

    /** Fails when one of these options was given without {@code --secure}, which alone starts brokers with limits. */
    public void checkUsedWith(boolean secure) {
        if (secure) {
            return;
        }
        mixee.options().stream()
                .filter(o -> o.longestName().startsWith("--max-"))
                .filter(o -> mixee.commandLine().getParseResult().hasMatchedOption(o))
                .findFirst()
                .ifPresent(o -> {
                    throw new ParameterException(
                            mixee.commandLine(),
                            o.longestName() + " limits a class cluster: add" + " --secure, or leave it out.");
                });
    }

    /** The limits asked for; a number below 1 is an error naming its option. */
    public ClassLimits limits() {
        positive("--max-partitions-per-topic", maxPartitions);
        positive("--max-replication-factor", maxReplicationFactor);
        positive("--max-message-bytes", maxMessageBytes);
        positive("--max-retention-bytes", maxRetentionBytes);
        positive("--max-segment-bytes", maxSegmentBytes);
        positive("--max-connections-per-ip", maxConnectionsPerIp);
        return new ClassLimits(
                maxPartitions,
                maxReplicationFactor,
                maxMessageBytes,
                maxRetentionBytes,
                maxSegmentBytes,
                maxConnectionsPerIp);
    }

    private void positive(String option, long value) {
        if (value < 1) {
            throw new ParameterException(mixee.commandLine(), option + " must be 1 or more, not " + value + ".");
        }
    }
}
