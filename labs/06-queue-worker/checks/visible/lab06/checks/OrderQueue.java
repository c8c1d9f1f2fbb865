package lab06.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.yammer.metrics.core.Meter;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.SharedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.opentest4j.AssertionFailedError;

/**
 * A queue of orders the learner's code cannot guess (good ones, ones whose payment fails on the first try, poison
 * ones), made by the checks: the topics, and the share group's settings (start at the earliest order; at most
 * {@link #DELIVERY_LIMIT} deliveries). A record stays locked to the worker that took it for {@link #LOCK}. Workers are
 * the learner's code, each in a JVM of its own. What is judged comes from Kafka only: the results on the results topic,
 * the group's lag on the orders, and how many records the broker saw accepted, released and rejected.
 */
final class OrderQueue implements AutoCloseable {

    /**
     * How long an order stays locked to the worker that took it: a killed worker's orders come back after it. It is the
     * checks' brokers' own (group.share.record.lock.duration.ms, streamlab's teaching setting): the controller, which
     * checks a group's settings, allows a group no shorter lock than Kafka's 15 s.
     */
    static final Duration LOCK = Duration.ofSeconds(5);
    static final int DELIVERY_LIMIT = 5;

    private final SharedCluster kafka;
    final String orders;
    final String results;
    final String group;
    /** Each order's id and the result its work gives; poison orders have none. */
    final Map<String, String> expected = new LinkedHashMap<>();
    final List<String> flaky = new ArrayList<>();
    final List<String> poison = new ArrayList<>();
    private final Map<String, List<String>> written = new TreeMap<>();
    private final Map<String, Long> acknowledgedBefore;
    private final KafkaConsumer<String, String> reader;
    private final TopicPartition resultsPartition;

    /** {@code good} plain orders, {@code flakyOrders} whose payment fails on the first delivery, {@code poisonOrders} unreadable. */
    OrderQueue(SharedCluster kafka, Random random, int good, int flakyOrders, int poisonOrders) throws Exception {
        this.kafka = kafka;
        String run = Integer.toString(random.nextInt(1_000_000));
        this.orders = "orders-" + run;
        this.results = "order-results-" + run;
        this.group = "workers-" + run;
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            kinds.add("good");
        }
        for (int i = 0; i < flakyOrders; i++) {
            kinds.add("flaky");
        }
        for (int i = 0; i < poisonOrders; i++) {
            kinds.add("poison");
        }
        Collections.shuffle(kinds, random);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            String id = String.format("order-%03d-%04x", i, random.nextInt(0x10000));
            int qty = 1 + random.nextInt(9);
            int price = 100 + random.nextInt(9900);
            String value = "sku=SKU-" + random.nextInt(1000) + ";qty=" + qty + ";price=" + price;
            switch (kinds.get(i)) {
                case "poison" -> {
                    value = "sku=SKU-" + random.nextInt(1000) + ";qty=" + qty + ";price=" + price / 100 + "," + price % 100;
                    poison.add(id);
                }
                case "flaky" -> {
                    value += ";payment=flaky";
                    flaky.add(id);
                    expected.put(id, id + " total=" + (long) qty * price);
                }
                default -> expected.put(id, id + " total=" + (long) qty * price);
            }
            records.add(new ProducerRecord<>(orders, id, value));
        }
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(orders, 1, (short) 1), new NewTopic(results, 1, (short) 1))).all().get();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    set("share.auto.offset.reset", "earliest"),
                    set("share.delivery.count.limit", String.valueOf(DELIVERY_LIMIT))))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records.size(); i++) {
                producer.send(records.get(i));
                if (i % 5 == 4) {
                    producer.flush(); // batches of a few orders, as they arrive in a shop
                }
            }
            producer.flush();
        }
        resultsPartition = new TopicPartition(results, 0);
        reader = new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(), new StringDeserializer());
        reader.assign(List.of(resultsPartition));
        reader.seekToBeginning(List.of(resultsPartition));
        acknowledgedBefore = acknowledgements();
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    int size() {
        return expected.size() + poison.size();
    }

    /** Starts one worker: the learner's code in its JVM, taking orders of this queue until it is stopped or killed. */
    void start(LearnerCode worker, long workMillis) {
        worker.call("start", Map.of("bootstrap", kafka.clientConfig().get("bootstrap.servers"), "orders", orders,
                "results", results, "group", group, "workMillis", workMillis));
    }

    /** Fails at once when a worker's loop ended with an exception: the learner's own words, never a pass. */
    static void assertStillWorking(LearnerCode worker) {
        JsonNode status = worker.call("status", Map.of());
        String error = status.path("error").asText("");
        if (!status.path("error").isNull() && !error.isBlank()) {
            throw new AssertionFailedError("Your worker stopped with " + error);
        }
    }

    /** Reads what was written to the results topic since the last read. */
    Map<String, List<String>> results() {
        for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(100))) {
            written.computeIfAbsent(String.valueOf(r.key()), k -> new ArrayList<>()).add(r.value());
        }
        return written;
    }

    /** How many results were written, reading the results topic until its current end. */
    Map<String, List<String>> allResults() {
        long end = reader.endOffsets(List.of(resultsPartition)).get(resultsPartition);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reader.position(resultsPartition) < end && System.nanoTime() < deadline) {
            results();
        }
        return written;
    }

    /** Orders with a result to come that have none yet. */
    List<String> missing() {
        Map<String, List<String>> now = results();
        return expected.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    }

    /**
     * The orders the share group has not finished, as the broker counts them (its lag: records neither accepted nor
     * archived), or -1 while it does not know.
     */
    long groupLag() throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            Map<TopicPartition, SharePartitionOffsetInfo> offsets = admin.listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec()))
                    .partitionsToOffsetInfo(group).get();
            SharePartitionOffsetInfo info = offsets.get(new TopicPartition(orders, 0));
            return info == null ? -1 : info.lag().orElse(-1L);
        }
    }

    /** Fails unless the broker counts every order of the queue as finished (accepted or archived). */
    void assertGroupFinished() throws Exception {
        long lag = groupLag();
        if (lag != 0) {
            throw new AssertionFailedError("The share group has not finished every order: the broker counts " + (lag < 0 ? "none as"
                    + " acknowledged" : lag + " of " + size() + " not accepted or archived yet") + ".");
        }
    }

    /**
     * Waits until every order is done in Kafka (each good order has a result and the broker counts every order accepted
     * or archived), a worker fails, nothing moves for {@link #STALL} (longer than a lock), or {@code deadline} passes;
     * what is not done then is for the check to say.
     */
    void awaitDone(List<LearnerCode> workers, Duration deadline) {
        long[] lastStatus = {0};
        long[] progress = {-1, System.nanoTime()};
        try {
            Await.until(deadline, () -> {
                if (System.nanoTime() - lastStatus[0] > 500_000_000L) {
                    workers.forEach(OrderQueue::assertStillWorking);
                    lastStatus[0] = System.nanoTime();
                }
                long lag;
                try {
                    lag = groupLag();
                } catch (Exception notYet) {
                    lag = -1;
                }
                int missing = missing().size();
                if (missing == 0 && lag == 0) {
                    return Optional.of(true);
                }
                long now = missing * 100_000L + lag;
                if (now != progress[0]) {
                    progress[0] = now;
                    progress[1] = System.nanoTime();
                }
                return System.nanoTime() - progress[1] > STALL.toNanos() ? Optional.of(false) : Optional.empty();
            }, "not done");
        } catch (ClusterException notDone) {
            // Judged by the check, with what is missing.
        }
    }

    /** How long nothing may move in Kafka before a check stops waiting: longer than a lock, so a crash's orders come back. */
    static final Duration STALL = LOCK.plusSeconds(5);

    /** How many records the broker saw acknowledged as each type (Accept, Release, Reject) since this queue was made. */
    Map<String, Long> acknowledged() {
        Map<String, Long> now = acknowledgements();
        Map<String, Long> delta = new HashMap<>();
        now.forEach((type, count) -> delta.put(type, count - acknowledgedBefore.getOrDefault(type, 0L)));
        return delta;
    }

    /** The brokers' own count of acknowledged records per type (the brokers of the checks' cluster run in this JVM). */
    private static Map<String, Long> acknowledgements() {
        Map<String, Long> counts = new HashMap<>();
        KafkaYammerMetrics.defaultRegistry().allMetrics().forEach((name, metric) -> {
            if ("RecordAcknowledgementsPerSec".equals(name.getName()) && metric instanceof Meter meter) {
                String mbean = name.getMBeanName();
                int at = mbean.indexOf("ackType=");
                String type = at < 0 ? "?" : mbean.substring(at + "ackType=".length()).split(",")[0];
                counts.merge(type, meter.count(), Long::sum);
            }
        });
        return counts;
    }

    /** Orders that got more than one result, with their count: the first five, and how many in all. */
    String twiceText() {
        Map<String, Integer> twice = twice();
        return twice.size() <= 5 ? twice.toString() : new TreeMap<>(twice).entrySet().stream().limit(5).toList() + " and "
                + (twice.size() - 5) + " more";
    }

    /** Orders that got more than one result, with their count. */
    Map<String, Integer> twice() {
        Map<String, Integer> twice = new TreeMap<>();
        written.forEach((id, values) -> {
            if (values.size() > 1) {
                twice.put(id, values.size());
            }
        });
        return twice;
    }

    /** Results that are not the result of their order's work (a made-up order, a poison order, a wrong total). */
    List<String> wrong() {
        List<String> wrong = new ArrayList<>();
        written.forEach((id, values) -> values.stream().filter(v -> !v.equals(expected.get(id))).findFirst()
                .ifPresent(v -> wrong.add(id + " -> " + v)));
        return wrong;
    }

    static String first(List<String> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + " and " + (ids.size() - 5) + " more";
    }

    @Override
    public void close() {
        reader.close();
    }
}
