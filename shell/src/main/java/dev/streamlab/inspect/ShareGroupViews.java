package dev.streamlab.inspect;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.QueueView;
import dev.streamlab.diagram.QueueView.Batch;
import dev.streamlab.diagram.QueueView.RecordState;
import dev.streamlab.diagram.QueueView.SharePartition;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.share.ShareCoordinatorRecordSerde;
import org.apache.kafka.coordinator.share.generated.ShareSnapshotKey;
import org.apache.kafka.coordinator.share.generated.ShareSnapshotValue;
import org.apache.kafka.coordinator.share.generated.ShareUpdateKey;
import org.apache.kafka.coordinator.share.generated.ShareUpdateValue;

/**
 * A share group's state from Kafka itself: members and assignments ({@code describeShareGroups}), each partition's start
 * offset and lag ({@code listShareGroupOffsets}), and what the share coordinator wrote about each record into its
 * internal topic {@code __share_group_state} (read with the coordinator's own serde). Kafka writes a record's state when
 * it is acknowledged, released, rejected or its lock runs out; which consumer holds a record right now lives only in
 * the partition leader's memory, which no API shows, so a record in flight shows its last written state.
 */
final class ShareGroupViews {

    static final String STATE_TOPIC = "__share_group_state";
    /** How many of the newest offsets of a partition the picture covers. */
    static final int WINDOW = 40;

    private static final long TIMEOUT_MS = 10_000;
    private static final Duration READ_DEADLINE = Duration.ofSeconds(5);

    private final Admin admin;
    private final Map<String, Object> clientConfig;
    private final Namespace ns;

    ShareGroupViews(Admin admin, Map<String, Object> clientConfig, Namespace ns) {
        this.admin = admin;
        this.clientConfig = clientConfig;
        this.ns = ns;
    }

    QueueView queue(String shownGroup) {
        String group = ns.real(shownGroup);
        ShareGroupDescription description;
        try {
            description = get(admin.describeShareGroups(List.of(group)).all(), "describe the share group")
                    .get(group);
        } catch (ClusterException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                throw new ClusterException(
                        "There is no share group " + shownGroup + ". A share consumer makes it when it first polls.",
                        e);
            }
            throw e;
        }
        if (description == null || description.groupState() == org.apache.kafka.common.GroupState.DEAD) {
            throw new ClusterException(
                    "There is no share group " + shownGroup + ". A share consumer makes it when it first polls.");
        }
        List<GroupView.Member> members = new ArrayList<>();
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (ShareMemberDescription member : description.members()) {
            members.add(new GroupView.Member(
                    ns.shown(member.clientId()),
                    member.assignment().topicPartitions().stream()
                            .map(this::view)
                            .sorted()
                            .toList()));
            partitions.addAll(member.assignment().topicPartitions());
        }
        Map<TopicPartition, SharePartitionOffsetInfo> offsets = new HashMap<>(get(
                admin.listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec()))
                        .partitionsToOffsetInfo(group),
                "list the share group's offsets"));
        offsets.values().removeIf(java.util.Objects::isNull);
        partitions.addAll(offsets.keySet());
        Map<TopicPartition, Long> ends = logEnds(partitions);
        Map<TopicPartition, TreeMap<Long, Batch>> states = states(group, partitions, ends);
        List<SharePartition> shown = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            SharePartitionOffsetInfo info = offsets.get(tp);
            long start = info == null ? -1 : info.startOffset();
            List<Batch> batches = states == null
                    ? List.of()
                    : runs(window(states.getOrDefault(tp, new TreeMap<>()), start, ends.getOrDefault(tp, -1L)));
            shown.add(new SharePartition(
                    view(tp),
                    start,
                    ends.getOrDefault(tp, -1L),
                    info == null ? -1 : info.lag().orElse(-1L),
                    batches));
        }
        return new QueueView(
                shownGroup, ClusterViews.stateWord(description.groupState()), members, shown, states != null);
    }

    /**
     * The last state written about each record in each partition's window, replaying the share coordinator's snapshots
     * and updates in the order it wrote them; null when this client may not read them.
     */
    private Map<TopicPartition, TreeMap<Long, Batch>> states(
            String group, Set<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<Uuid, String> names = new HashMap<>();
        get(
                        admin.describeTopics(partitions.stream()
                                        .map(TopicPartition::topic)
                                        .distinct()
                                        .toList())
                                .allTopicNames(),
                        "describe the topics")
                .forEach((name, d) -> names.put(d.topicId(), name));
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamlab-views-share-state");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, TreeMap<Long, Batch>> states = new HashMap<>();
        ShareCoordinatorRecordSerde serde = new ShareCoordinatorRecordSerde();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> stateTopic =
                    consumer.partitionsFor(STATE_TOPIC, Duration.ofMillis(TIMEOUT_MS)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            if (stateTopic.isEmpty()) {
                return Map.of();
            }
            consumer.assign(stateTopic);
            consumer.seekToBeginning(stateTopic);
            Map<TopicPartition, Long> stateEnds = consumer.endOffsets(stateTopic, Duration.ofMillis(TIMEOUT_MS));
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (stateTopic.stream().anyMatch(p -> consumer.position(p) < stateEnds.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        apply(
                                serde.deserialize(ByteBuffer.wrap(record.key()), ByteBuffer.wrap(record.value())),
                                group,
                                names,
                                ends,
                                states);
                    }
                }
            }
        } catch (AuthorizationException e) {
            return null;
        } catch (org.apache.kafka.common.KafkaException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return null;
            }
            throw e;
        }
        return states;
    }

    private static void apply(
            CoordinatorRecord record,
            String group,
            Map<Uuid, String> names,
            Map<TopicPartition, Long> ends,
            Map<TopicPartition, TreeMap<Long, Batch>> states) {
        ApiMessage key = record.key();
        ApiMessage value = record.value() == null ? null : record.value().message();
        if (key instanceof ShareSnapshotKey k
                && value instanceof ShareSnapshotValue v
                && k.groupId().equals(group)
                && names.containsKey(k.topicId())) {
            TopicPartition tp = new TopicPartition(names.get(k.topicId()), k.partition());
            v.stateBatches()
                    .forEach(b -> put(
                            states, tp, ends, b.firstOffset(), b.lastOffset(), b.deliveryState(), b.deliveryCount()));
        } else if (key instanceof ShareUpdateKey k
                && value instanceof ShareUpdateValue v
                && k.groupId().equals(group)
                && names.containsKey(k.topicId())) {
            TopicPartition tp = new TopicPartition(names.get(k.topicId()), k.partition());
            v.stateBatches()
                    .forEach(b -> put(
                            states, tp, ends, b.firstOffset(), b.lastOffset(), b.deliveryState(), b.deliveryCount()));
        }
    }

    /** Records one written state for each offset of the batch within the partition's window. */
    private static void put(
            Map<TopicPartition, TreeMap<Long, Batch>> states,
            TopicPartition tp,
            Map<TopicPartition, Long> ends,
            long first,
            long last,
            byte state,
            short count) {
        RecordState shown = switch (state) {
            case 2 -> RecordState.ACKNOWLEDGED;
            case 4 -> RecordState.ARCHIVED;
            default -> RecordState.AVAILABLE; // 0; Kafka writes no other state
        };
        long end = ends.getOrDefault(tp, last + 1);
        long from = Math.max(first, end - WINDOW);
        TreeMap<Long, Batch> offsets = states.computeIfAbsent(tp, k -> new TreeMap<>());
        for (long offset = from; offset <= last; offset++) {
            offsets.put(offset, new Batch(offset, offset, shown, count));
        }
    }

    /**
     * Every offset of the window up to the log end: its written state, else done (before the start offset, where Kafka
     * keeps no state) or not written yet.
     */
    static TreeMap<Long, Batch> window(TreeMap<Long, Batch> written, long startOffset, long logEnd) {
        TreeMap<Long, Batch> all = new TreeMap<>(written);
        for (long offset = Math.max(0, logEnd - WINDOW); offset < logEnd; offset++) {
            if (!all.containsKey(offset)) {
                all.put(
                        offset,
                        new Batch(
                                offset,
                                offset,
                                startOffset >= 0 && offset < startOffset ? RecordState.DONE : RecordState.NOT_WRITTEN,
                                -1));
            }
        }
        return all;
    }

    /** Neighbouring offsets in the same state with the same count, as one batch. */
    static List<Batch> runs(TreeMap<Long, Batch> offsets) {
        List<Batch> runs = new ArrayList<>();
        for (Batch b : offsets.values()) {
            Batch last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null
                    && last.last() + 1 == b.first()
                    && last.state() == b.state()
                    && last.deliveries() == b.deliveries()) {
                runs.set(runs.size() - 1, new Batch(last.first(), b.last(), b.state(), b.deliveries()));
            } else {
                runs.add(b);
            }
        }
        return runs;
    }

    private Map<TopicPartition, Long> logEnds(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all(), "read the log ends").forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private GroupView.TopicPartition view(TopicPartition tp) {
        return new GroupView.TopicPartition(ns.shown(tp.topic()), tp.partition());
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ClusterException("Could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterException(
                    "The cluster did not answer within " + TIMEOUT_MS / 1000 + " s while trying to " + what + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while trying to " + what + ".", e);
        }
    }
}
