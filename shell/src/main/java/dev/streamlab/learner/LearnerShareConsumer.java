package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.AcknowledgementCommitCallback;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.TopicPartition;

/**
 * A real {@link KafkaShareConsumer}, as {@link Kafka#shareConsumer} makes it. In a class its topics (and share group)
 * live in the learner's {@link Namespace}, as {@link NamespacedConsumer} does for a consumer group: it subscribes to
 * {@code ana.orders} when told {@code orders}, its records say {@code orders}, and acknowledging one of them
 * acknowledges {@code ana.orders}'s record; Kafka's authorizer, not this class, keeps a learner to their own names.
 * Anywhere, a misuse Kafka's client refuses (acknowledging a record twice, polling before acknowledging) keeps
 * Kafka's message and loses the client's inner frames, so the learner reads one line and where in their code.
 */
final class LearnerShareConsumer<K, V> extends KafkaShareConsumer<K, V> {

    private final Namespace ns;
    /** The records the last poll returned, by the copies the learner holds (named as the learner knows them). */
    private final Map<ConsumerRecord<K, V>, ConsumerRecord<K, V>> polled = new java.util.IdentityHashMap<>();

    LearnerShareConsumer(Map<String, Object> config, Namespace namespace) {
        super(config);
        this.ns = namespace;
    }

    @Override
    public Set<String> subscription() {
        Set<String> shown = new LinkedHashSet<>();
        super.subscription().forEach(t -> shown.add(ns.shown(t)));
        return shown;
    }

    @Override
    public void subscribe(Collection<String> topics) {
        super.subscribe(ns.realTopics(topics));
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        ConsumerRecords<K, V> records;
        try {
            records = super.poll(timeout);
        } catch (IllegalStateException e) {
            throw Kafka.fromLearnerCode(new IllegalStateException(e.getMessage(), e));
        }
        polled.clear();
        if (records.isEmpty() || ns.isNone()) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<K, V>>> shown = new LinkedHashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<K, V>> list = new ArrayList<>();
            for (ConsumerRecord<K, V> r : records.records(tp)) {
                ConsumerRecord<K, V> copy = new ConsumerRecord<>(
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
                        r.deliveryCount());
                polled.put(copy, r);
                list.add(copy);
            }
            shown.put(ns.shown(tp), list);
        }
        return new ConsumerRecords<>(shown, Map.of());
    }

    // The record a learner holds names the topic as they know it: it is acknowledged by its real name.
    @Override
    public void acknowledge(ConsumerRecord<K, V> record) {
        acknowledge(record, AcknowledgeType.ACCEPT);
    }

    @Override
    public void acknowledge(ConsumerRecord<K, V> record, AcknowledgeType type) {
        try {
            super.acknowledge(polled.getOrDefault(record, record), type);
        } catch (IllegalStateException e) {
            throw Kafka.fromLearnerCode(new IllegalStateException(e.getMessage(), e));
        }
    }

    @Override
    public void acknowledge(String topic, int partition, long offset, AcknowledgeType type) {
        try {
            super.acknowledge(ns.real(topic), partition, offset, type);
        } catch (IllegalStateException e) {
            throw Kafka.fromLearnerCode(new IllegalStateException(e.getMessage(), e));
        }
    }

    @Override
    public Map<TopicIdPartition, Optional<KafkaException>> commitSync() {
        return shown(super.commitSync());
    }

    @Override
    public Map<TopicIdPartition, Optional<KafkaException>> commitSync(Duration timeout) {
        return shown(super.commitSync(timeout));
    }

    @Override
    public void setAcknowledgementCommitCallback(AcknowledgementCommitCallback callback) {
        super.setAcknowledgementCommitCallback(
                callback == null
                        ? null
                        : (offsets, e) -> {
                            Map<TopicIdPartition, Set<Long>> shown = new LinkedHashMap<>();
                            offsets.forEach((tip, o) -> shown.put(shown(tip), o));
                            callback.onComplete(shown, e);
                        });
    }

    private Map<TopicIdPartition, Optional<KafkaException>> shown(
            Map<TopicIdPartition, Optional<KafkaException>> results) {
        Map<TopicIdPartition, Optional<KafkaException>> shown = new LinkedHashMap<>();
        results.forEach((tip, result) -> shown.put(shown(tip), result));
        return shown;
    }

    private TopicIdPartition shown(TopicIdPartition tip) {
        return new TopicIdPartition(tip.topicId(), tip.partition(), ns.shown(tip.topic()));
    }
}
