package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A real {@link KafkaConsumer} whose topics (and group, set by {@link Kafka#consumer}) live in the learner's
 * {@link Namespace}: every method that takes a topic or a partition maps it to the cluster's name, and every method that
 * returns one maps it back, so {@code subscribe(List.of("orders"))} reads {@code ana.orders} and its records say
 * {@code orders}. Topics outside the namespace ({@link #listTopics()}) are left out. Written by hand, a subclass, so cells
 * keep their {@code KafkaConsumer} type.
 */
final class NamespacedConsumer<K, V> extends KafkaConsumer<K, V> {

    private final Namespace ns;

    NamespacedConsumer(Map<String, Object> config, Namespace namespace) {
        super(config);
        this.ns = namespace;
    }

    private ConsumerRebalanceListener shown(ConsumerRebalanceListener listener) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                listener.onPartitionsRevoked(ns.shownPartitions(partitions));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                listener.onPartitionsAssigned(ns.shownPartitions(partitions));
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                listener.onPartitionsLost(ns.shownPartitions(partitions));
            }
        };
    }

    @Override
    public Set<TopicPartition> assignment() {
        return ns.shownPartitions(super.assignment());
    }

    @Override
    public Set<String> subscription() {
        Set<String> shown = new java.util.LinkedHashSet<>();
        super.subscription().forEach(t -> shown.add(ns.shown(t)));
        return shown;
    }

    @Override
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        super.subscribe(ns.realTopics(topics), shown(listener));
    }

    @Override
    public void subscribe(Collection<String> topics) {
        super.subscribe(ns.realTopics(topics));
    }

    @Override
    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        super.subscribe(real(pattern), shown(listener));
    }

    @Override
    public void subscribe(Pattern pattern) {
        super.subscribe(real(pattern));
    }

    private Pattern real(Pattern pattern) {
        return Pattern.compile(Pattern.quote(ns.prefix()) + "(?:" + pattern.pattern() + ")", pattern.flags());
    }

    @Override
    public void assign(Collection<TopicPartition> partitions) {
        super.assign(ns.realPartitions(partitions));
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        ConsumerRecords<K, V> records = super.poll(timeout);
        if (records.isEmpty()) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<K, V>>> shown = new LinkedHashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<K, V>> list = new ArrayList<>();
            for (ConsumerRecord<K, V> r : records.records(tp)) {
                list.add(new ConsumerRecord<>(
                        ns.shown(r.topic()),
                        r.partition(),
                        r.offset(),
                        r.timestamp(),
                        r.timestampType(),
                        r.serializedKeySize(),
                        r.serializedValueSize(),
                        r.key(),
                        r.value(),
                        r.headers(),
                        r.leaderEpoch(),
                        r.deliveryCount()));
            }
            shown.put(ns.shown(tp), list);
        }
        return new ConsumerRecords<>(shown, Namespace.mapKeys(records.nextOffsets(), ns::shown));
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        super.commitSync(Namespace.mapKeys(offsets, ns::real));
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        super.commitSync(Namespace.mapKeys(offsets, ns::real), timeout);
    }

    private OffsetCommitCallback shown(OffsetCommitCallback callback) {
        return callback == null ? null : (offsets, e) -> callback.onComplete(Namespace.mapKeys(offsets, ns::shown), e);
    }

    @Override
    public void commitAsync(OffsetCommitCallback callback) {
        super.commitAsync(shown(callback));
    }

    @Override
    public void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        super.commitAsync(Namespace.mapKeys(offsets, ns::real), shown(callback));
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        super.seek(ns.real(partition), offset);
    }

    @Override
    public void seek(TopicPartition partition, OffsetAndMetadata offsetAndMetadata) {
        super.seek(ns.real(partition), offsetAndMetadata);
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        super.seekToBeginning(ns.realPartitions(partitions));
    }

    @Override
    public void seekToEnd(Collection<TopicPartition> partitions) {
        super.seekToEnd(ns.realPartitions(partitions));
    }

    @Override
    public long position(TopicPartition partition) {
        return super.position(ns.real(partition));
    }

    @Override
    public long position(TopicPartition partition, Duration timeout) {
        return super.position(ns.real(partition), timeout);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        return Namespace.mapKeys(super.committed(Set.copyOf(ns.realPartitions(partitions))), ns::shown);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
        return Namespace.mapKeys(super.committed(Set.copyOf(ns.realPartitions(partitions)), timeout), ns::shown);
    }

    private List<PartitionInfo> shown(List<PartitionInfo> infos) {
        return infos == null
                ? null
                : infos.stream()
                        .map(p -> new PartitionInfo(
                                ns.shown(p.topic()),
                                p.partition(),
                                p.leader(),
                                p.replicas(),
                                p.inSyncReplicas(),
                                p.offlineReplicas()))
                        .toList();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return shown(super.partitionsFor(ns.real(topic)));
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
        return shown(super.partitionsFor(ns.real(topic), timeout));
    }

    private Map<String, List<PartitionInfo>> shownTopics(Map<String, List<PartitionInfo>> topics) {
        Map<String, List<PartitionInfo>> shown = new LinkedHashMap<>();
        topics.forEach((topic, infos) -> {
            if (ns.owns(topic)) {
                shown.put(ns.shown(topic), shown(infos));
            }
        });
        return shown;
    }

    @Override
    public Map<String, List<PartitionInfo>> listTopics() {
        return shownTopics(super.listTopics());
    }

    @Override
    public Map<String, List<PartitionInfo>> listTopics(Duration timeout) {
        return shownTopics(super.listTopics(timeout));
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        super.pause(ns.realPartitions(partitions));
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        super.resume(ns.realPartitions(partitions));
    }

    @Override
    public Set<TopicPartition> paused() {
        return ns.shownPartitions(super.paused());
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
        return Namespace.mapKeys(super.offsetsForTimes(Namespace.mapKeys(timestamps, ns::real)), ns::shown);
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
            Map<TopicPartition, Long> timestamps, Duration timeout) {
        return Namespace.mapKeys(super.offsetsForTimes(Namespace.mapKeys(timestamps, ns::real), timeout), ns::shown);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return Namespace.mapKeys(super.beginningOffsets(ns.realPartitions(partitions)), ns::shown);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return Namespace.mapKeys(super.beginningOffsets(ns.realPartitions(partitions), timeout), ns::shown);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return Namespace.mapKeys(super.endOffsets(ns.realPartitions(partitions)), ns::shown);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return Namespace.mapKeys(super.endOffsets(ns.realPartitions(partitions), timeout), ns::shown);
    }

    @Override
    public OptionalLong currentLag(TopicPartition partition) {
        return super.currentLag(ns.real(partition));
    }
}
