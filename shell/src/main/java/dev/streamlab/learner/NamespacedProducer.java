package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A real {@link KafkaProducer} whose topic names live in the learner's {@link Namespace}: {@code send} writes
 * {@code orders} to {@code ana.orders} and says it wrote to {@code orders}. Written by hand (a subclass, so cells keep
 * their {@code KafkaProducer} type), because Kafka's clients have no hook that renames topics both ways.
 */
final class NamespacedProducer<K, V> extends KafkaProducer<K, V> {

    private final Namespace namespace;

    NamespacedProducer(Map<String, Object> config, Namespace namespace) {
        super(config);
        this.namespace = namespace;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        ProducerRecord<K, V> real = new ProducerRecord<>(
                namespace.real(record.topic()),
                record.partition(),
                record.timestamp(),
                record.key(),
                record.value(),
                record.headers());
        Future<RecordMetadata> sent =
                super.send(real, callback == null ? null : (metadata, e) -> callback.onCompletion(shown(metadata), e));
        return new Future<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return sent.cancel(mayInterruptIfRunning);
            }

            @Override
            public boolean isCancelled() {
                return sent.isCancelled();
            }

            @Override
            public boolean isDone() {
                return sent.isDone();
            }

            @Override
            public RecordMetadata get() throws InterruptedException, ExecutionException {
                return shown(sent.get());
            }

            @Override
            public RecordMetadata get(long timeout, TimeUnit unit)
                    throws InterruptedException, ExecutionException, TimeoutException {
                return shown(sent.get(timeout, unit));
            }
        };
    }

    private RecordMetadata shown(RecordMetadata m) {
        if (m == null) {
            return null;
        }
        return new RecordMetadata(
                namespace.shown(new TopicPartition(m.topic(), m.partition())),
                m.offset(),
                0,
                m.timestamp(),
                m.serializedKeySize(),
                m.serializedValueSize());
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return super.partitionsFor(namespace.real(topic)).stream()
                .map(p -> new PartitionInfo(
                        namespace.shown(p.topic()),
                        p.partition(),
                        p.leader(),
                        p.replicas(),
                        p.inSyncReplicas(),
                        p.offlineReplicas()))
                .toList();
    }

    @Override
    public void sendOffsetsToTransaction(
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
        super.sendOffsetsToTransaction(Namespace.mapKeys(offsets, namespace::real), groupMetadata);
    }
}
