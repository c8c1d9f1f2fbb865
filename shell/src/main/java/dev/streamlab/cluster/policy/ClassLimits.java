package dev.streamlab.cluster.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caps on each topic of a class's cluster, and the broker settings that put them in force.
 *
 * <p>Kafka's policies are told the topic and its settings, not who asked ({@code CreateTopicPolicy.RequestMetadata} and,
 * since Kafka 4.0, {@code AlterConfigPolicy.RequestMetadata} carry no principal), so the caps hold for everyone, the
 * admin too; they are set high enough for the class's own topics. Only Kafka's internal topics ({@code __...}) are
 * left alone: a learner's names start with a letter, so no learner can make one.
 *
 * <p>What caps a topic's size: partitions × (retention.bytes + segment.bytes), since Kafka deletes whole closed segments
 * only. The brokers' defaults ({@code log.retention.bytes}, {@code log.segment.bytes}) are set inside the caps, so a
 * topic created without those settings is capped too. A compacted topic keeps one record per key however large it
 * grows; the learner's produce quota bounds how fast it can.
 *
 * <p>Adding partitions to a topic ({@code createPartitions}) does not pass through Kafka's create-topic policy; the
 * learner's {@code controller_mutation_rate} quota is what slows that down.
 *
 * @param maxPartitions        partitions per topic
 * @param maxReplicationFactor replicas per partition
 * @param maxMessageBytes      a topic's {@code max.message.bytes}
 * @param maxRetentionBytes    a topic's {@code retention.bytes} (per partition; "unlimited", -1, is refused)
 * @param maxSegmentBytes      a topic's {@code segment.bytes}
 * @param maxConnectionsPerIp  connections to one broker from one IP address ({@code max.connections.per.ip}): Kafka has
 *                             no cap per user, so learners who share a machine (one IP) share this number
 */
public record ClassLimits(
        int maxPartitions,
        int maxReplicationFactor,
        int maxMessageBytes,
        long maxRetentionBytes,
        long maxSegmentBytes,
        int maxConnectionsPerIp) {

    /** The broker settings that name the two policies (classes of streamlab's, so only where its jar is). */
    public static final java.util.List<String> POLICY_SETTINGS =
            java.util.List.of("create.topic.policy.class.name", "alter.config.policy.class.name");

    public static final String MAX_PARTITIONS = "streamlab.class.max.partitions.per.topic";
    public static final String MAX_REPLICATION_FACTOR = "streamlab.class.max.replication.factor";
    public static final String MAX_MESSAGE_BYTES = "streamlab.class.max.message.bytes";
    public static final String MAX_RETENTION_BYTES = "streamlab.class.max.retention.bytes";
    public static final String MAX_SEGMENT_BYTES = "streamlab.class.max.segment.bytes";
    /** Kafka's own broker setting. */
    public static final String MAX_CONNECTIONS_PER_IP = "max.connections.per.ip";

    private static final long MIB = 1024 * 1024;

    public static final int DEFAULT_MAX_PARTITIONS = 12;
    public static final int DEFAULT_MAX_REPLICATION_FACTOR = 3;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
    public static final long DEFAULT_MAX_RETENTION_BYTES = 64 * MIB;
    public static final long DEFAULT_MAX_SEGMENT_BYTES = 64 * MIB;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 1000;

    /**
     * For a workshop: the lessons use 1 to 6 partitions, so 12 leave room to experiment; 3 replicas is the most a
     * teaching cluster has brokers for; 1 MiB and a 12-byte batch header (Kafka's own default) is plenty for
     * exercises, where the 90 MB records of the attack doubled a broker's memory; 64 MiB per partition and 64 MiB
     * segments (Kafka Streams asks 50 MB for its repartition topics) keep a topic under about 1.5 GB. A learner's shell
     * holds a few clients with one or two connections to each broker, so 1000 connections per broker from one machine
     * leave room for a whole class on one machine and still stop a loop that opens connections by the thousand.
     */
    public static final ClassLimits DEFAULTS = new ClassLimits(
            DEFAULT_MAX_PARTITIONS,
            DEFAULT_MAX_REPLICATION_FACTOR,
            DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_RETENTION_BYTES,
            DEFAULT_MAX_SEGMENT_BYTES,
            DEFAULT_MAX_CONNECTIONS_PER_IP);

    /** A new segment at most this often: a smaller {@code segment.ms} makes files (and open handles) by the thousand. */
    static final long MIN_SEGMENT_MS = 60_000;

    /** Brokers' default segment size on a class cluster (Kafka's own is 1 GiB, which no retention.bytes cap would bound). */
    static final long DEFAULT_SEGMENT_BYTES = 16 * MIB;

    /**
     * The topic settings a learner may give. Anything else (unclean.leader.election.enable, replication throttles,
     * flush.*, preallocate, remote storage, ...) changes how the brokers behave for everyone and is refused.
     */
    static final Set<String> ALLOWED = Set.of(
            "cleanup.policy",
            "compression.type",
            "compression.gzip.level",
            "compression.lz4.level",
            "compression.zstd.level",
            "delete.retention.ms",
            "max.compaction.lag.ms",
            "min.compaction.lag.ms",
            "min.cleanable.dirty.ratio",
            "max.message.bytes",
            "message.timestamp.type",
            "message.timestamp.before.max.ms",
            "message.timestamp.after.max.ms",
            "min.insync.replicas",
            "retention.bytes",
            "retention.ms",
            "segment.bytes",
            "segment.ms",
            "segment.jitter.ms");

    public ClassLimits {
        if (maxPartitions < 1
                || maxReplicationFactor < 1
                || maxMessageBytes < 1
                || maxRetentionBytes < 1
                || maxSegmentBytes < 1
                || maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("every class limit must be at least 1");
        }
    }

    /** The limits in a broker's configuration ({@link #brokerSettings()}'s keys), the defaults for any left out. */
    public static ClassLimits from(Map<String, ?> config) {
        return new ClassLimits(
                (int) number(config, MAX_PARTITIONS, DEFAULTS.maxPartitions),
                (int) number(config, MAX_REPLICATION_FACTOR, DEFAULTS.maxReplicationFactor),
                (int) number(config, MAX_MESSAGE_BYTES, DEFAULTS.maxMessageBytes),
                number(config, MAX_RETENTION_BYTES, DEFAULTS.maxRetentionBytes),
                number(config, MAX_SEGMENT_BYTES, DEFAULTS.maxSegmentBytes),
                (int) number(config, MAX_CONNECTIONS_PER_IP, DEFAULTS.maxConnectionsPerIp));
    }

    private static long number(Map<String, ?> config, String key, long fallback) {
        Object value = config.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    /**
     * What a class cluster's nodes get: the two policies with these caps, brokers' defaults inside them, and a bound on
     * what one request may make a broker hold in memory (Kafka's default is 100 MB).
     */
    public Map<String, String> brokerSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("create.topic.policy.class.name", ClassTopicPolicy.class.getName());
        p.put("alter.config.policy.class.name", ClassConfigPolicy.class.getName());
        p.put(MAX_PARTITIONS, String.valueOf(maxPartitions));
        p.put(MAX_REPLICATION_FACTOR, String.valueOf(maxReplicationFactor));
        p.put(MAX_MESSAGE_BYTES, String.valueOf(maxMessageBytes));
        p.put(MAX_RETENTION_BYTES, String.valueOf(maxRetentionBytes));
        p.put(MAX_SEGMENT_BYTES, String.valueOf(maxSegmentBytes));
        p.put(MAX_CONNECTIONS_PER_IP, String.valueOf(maxConnectionsPerIp));
        p.put("message.max.bytes", String.valueOf(maxMessageBytes));
        p.put("log.retention.bytes", String.valueOf(maxRetentionBytes));
        p.put("log.segment.bytes", String.valueOf(Math.min(DEFAULT_SEGMENT_BYTES, maxSegmentBytes)));
        p.put("socket.request.max.bytes", String.valueOf(Math.max(16 * MIB, 4L * maxMessageBytes)));
        return p;
    }

    /** Why Kafka should refuse to create this topic, in one sentence; empty when it is within the caps. */
    public Optional<String> refuseTopic(
            String topic, Integer partitions, Integer replicationFactor, Map<String, String> configs) {
        if (internal(topic)) {
            return Optional.empty();
        }
        if (partitions != null && partitions > maxPartitions) {
            return Optional.of("A topic may have at most " + maxPartitions + " partitions in this class, and " + topic
                    + " asked for " + partitions + ".");
        }
        if (replicationFactor != null && replicationFactor > maxReplicationFactor) {
            return Optional.of("A topic may have at most " + maxReplicationFactor + " replicas in this class, and "
                    + topic + " asked for " + replicationFactor + ".");
        }
        return refuseConfigs(topic, configs);
    }

    /** Why Kafka should refuse these topic settings (null values go back to the default), in one sentence; or empty. */
    public Optional<String> refuseConfigs(String topic, Map<String, String> configs) {
        if (internal(topic) || configs == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> setting : new java.util.TreeMap<>(configs).entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            if (value == null) {
                continue;
            }
            if (!ALLOWED.contains(key)) {
                return Optional.of(
                        key + " may not be set on topics in this class; a learner's topics keep the cluster's"
                                + " setting.");
            }
            Optional<String> why = switch (key) {
                case "max.message.bytes" -> atMost(key, value, maxMessageBytes, bytes(maxMessageBytes));
                case "segment.bytes" -> atMost(key, value, maxSegmentBytes, bytes(maxSegmentBytes));
                case "retention.bytes" ->
                    atMost(key, value, maxRetentionBytes, bytes(maxRetentionBytes) + " per partition");
                case "segment.ms" -> atLeast(key, value, MIN_SEGMENT_MS, MIN_SEGMENT_MS / 1000 + " s");
                default -> Optional.empty();
            };
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> atMost(String key, String value, long cap, String capText) {
        long n = parse(value);
        // -1 means "no limit" for retention.bytes; Kafka itself refuses it for the other two.
        return n >= 0 && n <= cap
                ? Optional.empty()
                : Optional.of(key + " may be at most " + cap + " (" + capText + ") in this class, not " + value.strip()
                        + ".");
    }

    private static Optional<String> atLeast(String key, String value, long floor, String floorText) {
        return parse(value) >= floor
                ? Optional.empty()
                : Optional.of(key + " must be at least " + floor + " (" + floorText + ") in this class, not "
                        + value.strip() + ".");
    }

    /** A number, or Long.MAX_VALUE for text Kafka would refuse anyway (so the cap's sentence names it). */
    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String bytes(long n) {
        return n % MIB == 0
                ? n / MIB + " MiB"
                : n >= MIB ? String.format(java.util.Locale.ROOT, "about %d MiB", n / MIB) : n + " bytes";
    }

    private static boolean internal(String topic) {
        return topic != null && topic.startsWith("__");
    }
}
