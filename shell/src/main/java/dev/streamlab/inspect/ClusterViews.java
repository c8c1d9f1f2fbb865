package dev.streamlab.inspect;

import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.cluster.PartitionInspector;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.GroupView.PartitionOffset;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.diagram.TopicView.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Gathers what the diagrams draw from a running cluster, through Kafka's Admin API (and a consumer
 * only to read a few records for the log strip). Works the same on every kind of cluster.
 */
public final class ClusterViews implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;
    private static final Duration READ_DEADLINE = Duration.ofSeconds(5);

    private final Map<String, Object> clientConfig;
    private final Admin admin;
    private final PartitionInspector inspector;
    private final Namespace ns;

    public ClusterViews(Map<String, Object> clientConfig) {
        this(clientConfig, Namespace.NONE);
    }

    /** Views of a learner's namespace in a class: names as the learner says them, only their own groups. */
    public ClusterViews(Map<String, Object> clientConfig, Namespace namespace) {
        this.ns = namespace;
        this.clientConfig = Map.copyOf(clientConfig);
        Map<String, Object> config = AdminSettings.withTimeouts(clientConfig, 3_000, TIMEOUT_MS);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "streamlab-views");
        this.admin = Admin.create(config);
        this.inspector = new PartitionInspector(clientConfig);
    }

    /** The log of one partition, with the position of every consumer group that committed one there. */
    public LogView log(String topic, int partition) {
        TopicPartition tp = new TopicPartition(ns.real(topic), partition);
        PartitionState state = partitionState(ns.real(topic), partition);
        requireOffsets(state);
        long logStart = get(
                        admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp),
                        "read the log start of " + tp)
                .offset();
        List<Position> positions = new ArrayList<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                committedOffsets(consumerGroupIds(), Set.of(tp));
        committed.forEach((group, offsets) -> {
            OffsetAndMetadata offset = offsets.get(tp);
            if (offset != null) {
                positions.add(new Position(ns.shown(group), offset.offset()));
            }
        });
        LogView view = logView(state, logStart, positions);
        return ns.isNone()
                ? view
                : new LogView(
                        topic,
                        view.partition(),
                        view.logStartOffset(),
                        view.highWatermark(),
                        view.logEndOffset(),
                        view.records(),
                        view.positions());
    }

    /** Drawing an empty log for a partition without a leader would be a lie: its offsets are unknown, not zero. */
    static void requireOffsets(PartitionState state) {
        if (!state.hasLeader() || state.highWatermark() < 0) {
            throw new ClusterException("Partition " + state.partition() + " of " + state.topic()
                    + " has no leader that answers right now, so its offsets are unknown. Try again in a moment.");
        }
    }

    static LogView logView(PartitionState state, long logStart, List<Position> positions) {
        List<Position> sorted = positions.stream()
                .sorted(java.util.Comparator.comparingLong(Position::offset).thenComparing(Position::name))
                .toList();
        long logEnd = Math.max(state.logEndOffset(), state.highWatermark());
        return new LogView(
                state.topic(),
                state.partition(),
                logStart,
                state.highWatermark(),
                Math.max(logStart, logEnd),
                List.of(),
                sorted);
    }

    /** Like {@link #log(String, int)}, with the keys and values of up to {@code lastRecords} records before the high watermark. */
    public LogView log(String topic, int partition, int lastRecords) {
        LogView log = log(topic, partition);
        long from = Math.max(log.logStartOffset(), log.highWatermark() - lastRecords);
        return log.withRecords(read(new TopicPartition(ns.real(topic), partition), from, log.highWatermark()));
    }

    /** Every consumer group: its members and what they were given, its committed offsets, and its lag. */
    public List<GroupView> groups() {
        List<String> ids = consumerGroupIds();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions =
                get(admin.describeConsumerGroups(ids).all(), "describe the consumer groups");
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>(committedOffsets(ids, null));
        // Asked for every partition, Kafka leaves out the ones it has no offset for and the ones whose answer failed:
        // the partitions a member holds are asked for again by name, which tells the two apart.
        for (String id : ids) {
            ConsumerGroupDescription description = descriptions.get(id);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(committed.getOrDefault(id, Map.of()));
            Set<TopicPartition> unanswered = new LinkedHashSet<>();
            if (description != null) {
                description
                        .members()
                        .forEach(m -> unanswered.addAll(m.assignment().topicPartitions()));
            }
            unanswered.removeAll(offsets.keySet());
            if (!unanswered.isEmpty()) {
                offsets.putAll(committedOffsets(List.of(id), unanswered).getOrDefault(id, Map.of()));
                committed.put(id, offsets);
            }
        }

        Set<TopicPartition> partitions = new LinkedHashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        descriptions
                .values()
                .forEach(d -> d.members()
                        .forEach(m -> partitions.addAll(m.assignment().topicPartitions())));
        Map<TopicPartition, Long> ends = logEnds(partitions);

        List<GroupView> groups = new ArrayList<>();
        for (String id : ids) {
            ConsumerGroupDescription description = descriptions.get(id);
            List<Member> members = new ArrayList<>();
            Set<TopicPartition> groupPartitions = new LinkedHashSet<>();
            if (description != null) {
                for (MemberDescription member : description.members()) {
                    List<GroupView.TopicPartition> assignment = member.assignment().topicPartitions().stream()
                            .map(this::view)
                            .sorted()
                            .toList();
                    members.add(new Member(shownClientId(member.clientId()), assignment));
                    groupPartitions.addAll(member.assignment().topicPartitions());
                }
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(id, Map.of());
            groupPartitions.addAll(offsets.keySet());
            List<PartitionOffset> partitionOffsets = new ArrayList<>();
            for (TopicPartition tp : groupPartitions) {
                OffsetAndMetadata offset = offsets.get(tp);
                partitionOffsets.add(new PartitionOffset(
                        view(tp),
                        offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset()),
                        ends.getOrDefault(tp, -1L)));
            }
            String state = description == null ? "gone" : stateWord(description.groupState());
            String protocol = description == null || description.type() == GroupType.UNKNOWN
                    ? ""
                    : description.type().toString().toLowerCase(Locale.ROOT);
            groups.add(new GroupView(ns.shown(id), state, members, partitionOffsets, protocol));
        }
        return groups;
    }

    /**
     * A share group: its members, and each partition's records as Kafka's share coordinator last wrote them (see
     * {@link ShareGroupViews}).
     */
    public dev.streamlab.diagram.QueueView queue(String group) {
        return new ShareGroupViews(admin, clientConfig, ns).queue(group);
    }

    /** A topic's partitions; the brokers the cluster lists now are up, any other broker holding a copy is absent. */
    public TopicView topic(String topic) {
        Collection<Node> nodes = get(admin.describeCluster().nodes(), "list the brokers");
        List<Broker> brokers = nodes.stream().map(n -> new Broker(n.id(), true)).toList();
        return topic(topic, brokers);
    }

    /** A topic's partitions, with the brokers as the caller knows them (e.g. from {@link #brokersOf(Cluster)}). */
    public TopicView topic(String topic, List<Broker> brokers) {
        return new TopicView(topic, brokers, inspector.describe(ns.real(topic)));
    }

    /** Every broker of a cluster we run, up or down. */
    public static List<Broker> brokersOf(Cluster cluster) {
        return cluster.brokerIds().stream()
                .map(id -> new Broker(id, cluster.isRunning(id)))
                .toList();
    }

    private PartitionState partitionState(String topic, int partition) {
        return inspector.describe(topic).stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new ClusterException("Topic '" + topic + "' has no partition " + partition + "."));
    }

    private List<String> consumerGroupIds() {
        Collection<GroupListing> listings =
                get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), "list the consumer groups");
        return listings.stream()
                .map(GroupListing::groupId)
                .filter(ns::owns)
                .sorted()
                .toList();
    }

    /**
     * Committed offsets per group; only for {@code partitions} when given, else for every partition. Kafka's Admin
     * leaves out a partition whose answer carried an error, such as a group coordinator still loading its offsets after
     * a broker came back (it logs "Skipping return offset"), where it reports a partition without an offset as null. So
     * a partition asked for by name and left out is asked for again, for up to {@link #OFFSETS_ANSWER}; a group's
     * committed offset is never shown as missing because its coordinator was busy.
     */
    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(
            List<String> groups, Set<TopicPartition> partitions) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        groups.forEach(group -> committed.put(group, new HashMap<>()));
        Map<String, Set<TopicPartition>> asked = new HashMap<>();
        groups.forEach(group -> asked.put(group, partitions));
        long deadline = System.nanoTime() + OFFSETS_ANSWER.toNanos();
        while (!asked.isEmpty()) {
            Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            asked.forEach((group, which) -> specs.put(
                    group,
                    which == null
                            ? new ListConsumerGroupOffsetsSpec()
                            : new ListConsumerGroupOffsetsSpec().topicPartitions(which)));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> all =
                    get(admin.listConsumerGroupOffsets(specs).all(), "list the committed offsets");
            Map<String, Set<TopicPartition>> again = new HashMap<>();
            all.forEach((group, offsets) -> {
                offsets.forEach((tp, offset) -> {
                    if (offset != null) {
                        committed.get(group).put(tp, offset);
                    }
                });
                Set<TopicPartition> which = asked.get(group);
                if (which != null) {
                    Set<TopicPartition> leftOut = new LinkedHashSet<>(which);
                    leftOut.removeAll(offsets.keySet());
                    if (!leftOut.isEmpty()) {
                        again.put(group, leftOut);
                    }
                }
            });
            if (again.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            asked.clear();
            asked.putAll(again);
            pause(OFFSETS_RETRY);
        }
        return committed;
    }

    /** How long a partition asked for by name may go unanswered before the view shows it without an offset. */
    static final Duration OFFSETS_ANSWER = Duration.ofSeconds(5);

    private static final Duration OFFSETS_RETRY = Duration.ofMillis(100);

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while reading the committed offsets.", e);
        }
    }

    /** The latest offset of each partition (the high watermark); a partition without a leader is left out. */
    private Map<TopicPartition, Long> logEnds(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var result = admin.listOffsets(latest);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : partitions) {
            try {
                ListOffsetsResultInfo info = result.partitionResult(tp).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                ends.put(tp, info.offset());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Interrupted while reading offsets.", e);
            } catch (ExecutionException | TimeoutException e) {
                // no leader or a deleted topic: its log end stays unknown
            }
        }
        return ends;
    }

    private List<LogView.Record> read(TopicPartition tp, long from, long until) {
        if (from >= until) {
            return List.of();
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamlab-views-reader");
        List<LogView.Record> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, from);
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (consumer.position(tp) < until && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < until) {
                        records.add(new LogView.Record(record.offset(), text(record.key()), text(record.value())));
                    }
                }
            }
        }
        return records;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private GroupView.TopicPartition view(TopicPartition tp) {
        return new GroupView.TopicPartition(ns.shown(tp.topic()), tp.partition());
    }

    /**
     * A member's client id as the learner would see it outside a class: Kafka names a consumer with no client id of
     * its own {@code consumer-GROUP-N} (so {@code consumer-ana.g1-1}), a Streams app's after its application id.
     */
    private String shownClientId(String clientId) {
        String consumer = "consumer-";
        if (clientId.startsWith(consumer) && !ns.isNone() && clientId.startsWith(ns.prefix(), consumer.length())) {
            return consumer + clientId.substring(consumer.length() + ns.prefix().length());
        }
        return ns.shown(clientId);
    }

    /** Kafka's group states in the words the table uses. */
    static String stateWord(GroupState state) {
        return switch (state) {
            case STABLE -> "active";
            case EMPTY -> "idle";
            case PREPARING_REBALANCE, COMPLETING_REBALANCE, ASSIGNING, RECONCILING -> "rebalancing";
            case DEAD -> "gone";
            default -> "unknown";
        };
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new ClusterException("Could not " + what + ": the topic does not exist.", e.getCause());
            }
            throw new ClusterException("Could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterException(
                    "The cluster did not answer within " + TIMEOUT_MS / 1000 + " s while trying to " + what
                            + ". Is it still running?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while trying to " + what + ".", e);
        }
    }

    @Override
    public void close() {
        inspector.close();
        admin.close(Duration.ofSeconds(2));
    }
}
