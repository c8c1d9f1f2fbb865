package dev.streamlab.drill;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.TeachingSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kills the leader of a partition while records are being written with {@code acks=all}, and proves that
 * every acknowledged record can still be read. {@code streamlab doctor}, the benchmark and the tests run it.
 *
 * <ol>
 *   <li>create a topic with replication factor 3 (or fewer on a smaller cluster);</li>
 *   <li>write a first batch and wait for every acknowledgement;</li>
 *   <li>keep writing in the background, hard-kill the leader of partition 0, wait for a new leader;</li>
 *   <li>write a second batch, then read everything back and count what is missing.</li>
 * </ol>
 */
public final class FailoverDrill {

    private static final Duration LEADER_DEADLINE = Duration.ofSeconds(30);
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);

    private final Cluster cluster;
    private final ClusterListener listener;
    private final int recordsPerBatch;
    private String topic = "doctor-failover";

    public FailoverDrill(Cluster cluster, ClusterListener listener, int recordsPerBatch) {
        this.cluster = cluster;
        this.listener = listener;
        this.recordsPerBatch = recordsPerBatch;
    }

    /** The topic the drill creates; it must not exist yet. */
    public FailoverDrill topic(String topic) {
        this.topic = topic;
        return this;
    }

    public FailoverReport run() {
        if (!cluster.canControlBrokers()) {
            throw new ClusterException("The failover drill kills a broker, and brokers of a " + cluster.kind()
                    + " cluster cannot be killed from here. Use --cluster embedded or --cluster containers.");
        }
        int brokers = cluster.brokerIds().size();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong sequence = new AtomicLong();
        try (Admin admin = Admin.create(cluster.clientConfig());
                KafkaProducer<String, String> producer = producer()) {
            createTopic(admin, brokers);

            listener.step("Writing " + recordsPerBatch + " records with acks=all");
            writeBatch(producer, sequence, acknowledged);

            int leader = leaderOfPartitionZero(admin);
            listener.step("Killing broker " + leader + ", the leader of partition 0, while writing goes on");
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread background = new Thread(
                    () -> writeUntilStopped(producer, sequence, acknowledged, writing), "streamlab-drill-writer");
            background.start();
            long killedAt = System.nanoTime();
            int newLeader;
            try {
                cluster.killBroker(leader);
                newLeader = awaitNewLeader(admin, leader);
            } finally {
                writing.set(false);
                join(background);
            }
            Duration timeToNewLeader = Duration.ofNanos(System.nanoTime() - killedAt);
            listener.step("Broker " + newLeader + " leads partition 0 now, after "
                    + String.format("%.1f", timeToNewLeader.toMillis() / 1000.0) + " s");

            listener.step("Writing " + recordsPerBatch + " more records");
            writeBatch(producer, sequence, acknowledged);

            listener.step("Reading everything back");
            Set<String> read = readAll();
            long found = acknowledged.stream().filter(read::contains).count();
            return new FailoverReport(
                    leader, newLeader, timeToNewLeader, acknowledged.size(), found, acknowledged.size() - found);
        }
    }

    private void createTopic(Admin admin, int brokers) {
        short replicationFactor = (short) TeachingSettings.replicationFactor(brokers);
        listener.step("Creating topic '" + topic + "' with replication factor " + replicationFactor);
        get(
                admin.createTopics(List.of(new NewTopic(topic, 3, replicationFactor)))
                        .all(),
                "create topic " + topic);
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "streamlab-drill");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private void writeBatch(KafkaProducer<String, String> producer, AtomicLong sequence, Set<String> acknowledged) {
        for (int i = 0; i < recordsPerBatch; i++) {
            send(producer, sequence, acknowledged);
        }
        producer.flush();
    }

    private void writeUntilStopped(
            KafkaProducer<String, String> producer,
            AtomicLong sequence,
            Set<String> acknowledged,
            AtomicBoolean writing) {
        while (writing.get()) {
            send(producer, sequence, acknowledged);
            if (sequence.get() % 50 == 0) {
                producer.flush();
            }
        }
        producer.flush();
    }

    private void send(KafkaProducer<String, String> producer, AtomicLong sequence, Set<String> acknowledged) {
        String id = "record-" + sequence.getAndIncrement();
        producer.send(new ProducerRecord<>(topic, id, id), (metadata, error) -> {
            if (error == null) {
                acknowledged.add(id);
            }
        });
    }

    private int leaderOfPartitionZero(Admin admin) {
        TopicPartitionInfo p0 = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                .get(topic)
                .partitions()
                .get(0);
        return p0.leader().id();
    }

    /** Asks for the leader until it is someone other than the killed broker. */
    private int awaitNewLeader(Admin admin, int oldLeader) {
        return Await.until(
                LEADER_DEADLINE,
                () -> {
                    Node leader = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                            .get(topic)
                            .partitions()
                            .get(0)
                            .leader();
                    return leader != null && !leader.isEmpty() && leader.id() != oldLeader
                            ? Optional.of(leader.id())
                            : Optional.empty();
                },
                "No new leader for partition 0 of '" + topic + "' within " + LEADER_DEADLINE.toSeconds()
                        + " s. The cluster may be overloaded; try again with fewer programs running.");
    }

    /** Reads every partition from the beginning up to the end offsets taken now. */
    private Set<String> readAll() {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamlab-drill-reader");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(record.value());
                }
            }
        }
        return ids;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while trying to " + what + ".", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ClusterException("Could not " + what + ": " + cause.getMessage(), cause);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
