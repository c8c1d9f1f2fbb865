package dev.streamlab.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads partition state through Kafka's Admin API only, so it works the same on every kind of cluster.
 *
 * <p>The leader epoch comes with the latest offset of a partition; the log end offset is the high
 * watermark plus the leader's own replica lag, as the leader reports it for its log directory.
 */
public final class PartitionInspector implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;
    /** A leader that was just killed does not answer; its offsets are then unknown rather than late. */
    private static final int OFFSETS_TIMEOUT_MS = 1_500;

    private static final long UNKNOWN_TOPIC_GRACE_MS = 2_000;

    private final Admin admin;
    private final boolean ownsAdmin;

    /** An inspector with an Admin client of its own, closed with it. */
    public PartitionInspector(Map<String, Object> clientConfig) {
        Map<String, Object> config = AdminSettings.withTimeouts(clientConfig, 3_000, TIMEOUT_MS);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "streamlab-inspector");
        this.admin = Admin.create(config);
        this.ownsAdmin = true;
    }

    /** An inspector that asks through {@code admin}, which whoever made it closes. */
    PartitionInspector(Admin admin) {
        this.admin = admin;
        this.ownsAdmin = false;
    }

    public List<PartitionState> describe(String topic) {
        TopicDescription description = describeTopic(topic);
        List<TopicPartitionInfo> partitions = new ArrayList<>(description.partitions());
        partitions.sort(Comparator.comparingInt(TopicPartitionInfo::partition));

        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo info : partitions) {
            if (info.leader() != null && !info.leader().isEmpty()) {
                latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
            }
        }
        var offsetsRequest = latest.isEmpty()
                ? null
                : admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(OFFSETS_TIMEOUT_MS));
        var logDirsRequest = admin.describeLogDirs(
                        leaderIds(partitions), new DescribeLogDirsOptions().timeoutMs(OFFSETS_TIMEOUT_MS))
                .descriptions();
        Map<TopicPartition, ListOffsetsResultInfo> offsets = new HashMap<>();
        for (TopicPartition tp : latest.keySet()) {
            quietly(() -> offsetsRequest.partitionResult(tp).get()).ifPresent(info -> offsets.put(tp, info));
        }
        Map<TopicPartition, Long> lags = leaderLags(topic, partitions, logDirsRequest);

        List<PartitionState> states = new ArrayList<>();
        for (TopicPartitionInfo info : partitions) {
            TopicPartition tp = new TopicPartition(topic, info.partition());
            int leader = info.leader() == null || info.leader().isEmpty()
                    ? PartitionState.NO_LEADER
                    : info.leader().id();
            ListOffsetsResultInfo offset = offsets.get(tp);
            long highWatermark = offset == null ? -1 : offset.offset();
            int epoch = offset == null ? -1 : offset.leaderEpoch().orElse(-1);
            Long lag = lags.get(tp);
            long logEnd = highWatermark < 0 || lag == null ? highWatermark : highWatermark + lag;
            states.add(new PartitionState(
                    topic,
                    info.partition(),
                    leader,
                    ids(info.replicas()),
                    ids(info.isr()),
                    epoch,
                    highWatermark,
                    logEnd));
        }
        return states;
    }

    /**
     * A topic created a moment ago may be unknown to the broker asked, until the controller's news reaches it: an
     * unknown topic is asked for again for {@link #UNKNOWN_TOPIC_GRACE_MS} before it is called missing.
     */
    private TopicDescription describeTopic(String topic) {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UNKNOWN_TOPIC_GRACE_MS);
        while (true) {
            try {
                return describeTopicOnce(topic);
            } catch (ClusterException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > giveUp) {
                    throw e.getCause() instanceof UnknownTopicOrPartitionException
                            ? new ClusterException(
                                    "Topic '" + topic + "' does not exist. Create it first, or check the name.")
                            : e;
                }
                try {
                    Thread.sleep(100); // waiting for the brokers' metadata, not for Kafka to do work
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private TopicDescription describeTopicOnce(String topic) {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new ClusterException("Topic '" + topic + "' does not exist.", e.getCause());
            }
            throw new ClusterException(
                    "Could not describe topic '" + topic + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterException(
                    "The cluster did not answer within " + TIMEOUT_MS / 1000 + " s. Is it still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while describing topic '" + topic + "'.", e);
        }
    }

    private static List<Integer> leaderIds(List<TopicPartitionInfo> partitions) {
        return partitions.stream()
                .map(TopicPartitionInfo::leader)
                .filter(n -> n != null && !n.isEmpty())
                .map(Node::id)
                .distinct()
                .toList();
    }

    private static Map<TopicPartition, Long> leaderLags(
            String topic,
            List<TopicPartitionInfo> partitions,
            Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> logDirs) {
        Map<TopicPartition, Long> lags = new HashMap<>();
        for (TopicPartitionInfo info : partitions) {
            if (info.leader() == null || info.leader().isEmpty()) {
                continue;
            }
            TopicPartition tp = new TopicPartition(topic, info.partition());
            Optional<Map<String, LogDirDescription>> dirs =
                    quietly(() -> logDirs.get(info.leader().id()).get());
            dirs.ifPresent(d -> d.values().stream()
                    .map(dir -> dir.replicaInfos().get(tp))
                    .filter(r -> r != null && !r.isFuture())
                    .map(ReplicaInfo::offsetLag)
                    .findFirst()
                    .ifPresent(lag -> lags.put(tp, lag)));
        }
        return lags;
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static <T> Optional<T> quietly(Call<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
