package dev.streamlab.bench;

import dev.streamlab.classroom.JoinFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The rest of a class, as Kafka traffic: simulated learners, each a thread with their own credentials that makes the
 * calls of lessons 01 and 02's cells in a loop (ten records produced with acks=all to their {@code orders}, read back,
 * a group's position committed and asked for, their topics listed) with a seeded pause of 2 to 5 s between cells; and
 * one learner who produces 100 KB records to their own topic as fast as the cluster lets them.
 */
final class ClassLoad {

    static final String TOPIC = "orders";
    private static final int RECORDS_PER_CELL = 10;
    private static final int FLOOD_RECORD_BYTES = 100_000;

    /** What the load did: each simulated cell's time, the calls that failed, the flood's acknowledged bytes a second. */
    record Result(List<Double> callMillis, int failedCalls, double floodBytesPerSecond) {}

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Double> callMillis = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicLong floodBytes = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private long startedNanos;
    private long floodNanos;

    private ClassLoad() {}

    static ClassLoad start(List<JoinFile> learners, JoinFile flooder, Random random) {
        ClassLoad load = new ClassLoad();
        load.startedNanos = System.nanoTime();
        for (JoinFile learner : learners) {
            long seed = random.nextLong();
            load.begin("class-load-" + learner.learner(), () -> load.learn(learner, new Random(seed)));
        }
        load.begin("class-load-flood", () -> load.flood(flooder));
        return load;
    }

    private void begin(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    Result stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        long floodTime = floodNanos > 0 ? floodNanos : System.nanoTime() - startedNanos;
        return new Result(List.copyOf(callMillis), failedCalls.get(), floodBytes.get() / (floodTime / 1e9));
    }

    private void learn(JoinFile learner, Random random) {
        String topic = learner.prefix() + TOPIC;
        Map<String, Object> config = new HashMap<>(learner.clientConfig());
        config.put("default.api.timeout.ms", 30_000);
        config.put("request.timeout.ms", 30_000);
        try (Admin admin = Admin.create(config);
                KafkaProducer<String, String> producer =
                        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                        consumerConfig(config, learner), new StringDeserializer(), new StringDeserializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(60, TimeUnit.SECONDS);
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int cell = 0;
            while (!stopping.get()) {
                long start = System.nanoTime();
                try {
                    cell(admin, producer, consumer, topic, cell++);
                    callMillis.add((System.nanoTime() - start) / 1e6);
                } catch (Exception e) {
                    failedCalls.incrementAndGet();
                }
                pause(2_000 + random.nextInt(3_000));
            }
        } catch (Exception e) {
            failedCalls.incrementAndGet();
        }
    }

    /** One "cell": produce and read back ten records, commit the group's position and ask for it, list the topics. */
    private static void cell(
            Admin admin,
            KafkaProducer<String, String> producer,
            KafkaConsumer<String, String> consumer,
            String topic,
            int cell)
            throws Exception {
        for (int i = 0; i < RECORDS_PER_CELL; i++) {
            producer.send(new ProducerRecord<>(topic, "card-" + i, "{\"cell\":" + cell + ",\"n\":" + i + "}"));
        }
        producer.flush();
        int read = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read < RECORDS_PER_CELL && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(200))) {
                read++;
            }
        }
        if (read < RECORDS_PER_CELL) {
            throw new IllegalStateException("read " + read + " of " + RECORDS_PER_CELL);
        }
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        consumer.commitSync(positions);
        admin.listConsumerGroupOffsets(consumer.groupMetadata().groupId())
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> config, JoinFile learner) {
        Map<String, Object> consumer = new HashMap<>(config);
        consumer.put("group.id", learner.prefix() + "readers");
        consumer.put("enable.auto.commit", false);
        return consumer;
    }

    /** As fast as the cluster lets: acks=all, 100 KB records, until stopped. */
    private void flood(JoinFile flooder) {
        String topic = flooder.prefix() + "flood";
        Map<String, Object> config = new HashMap<>(flooder.clientConfig());
        config.put("linger.ms", 5);
        config.put("batch.size", 1_048_576);
        // Small, so that what waits when it stops is sent within seconds even at the quota's rate.
        config.put("buffer.memory", 4 * 1_048_576);
        try (Admin admin = Admin.create(config);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(60, TimeUnit.SECONDS);
            byte[] value = new byte[FLOOD_RECORD_BYTES];
            new Random(7).nextBytes(value);
            long start = System.nanoTime();
            while (!stopping.get()) {
                producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> {
                    if (e == null) {
                        floodBytes.addAndGet(FLOOD_RECORD_BYTES);
                    }
                });
            }
            producer.flush();
            floodNanos = System.nanoTime() - start;
        } catch (Exception e) {
            failedCalls.incrementAndGet();
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!stopping.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
