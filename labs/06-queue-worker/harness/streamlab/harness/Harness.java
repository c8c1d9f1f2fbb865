package streamlab.harness;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.streamlab.grading.host.LabHarness;
import lab06.QueueWorker;
import lab06.Work;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lab 6's adapter, in the learner's JVM: one worker (the learner's loop, on a thread of its own, with a share consumer
 * and a producer built from their settings) and the work it is given. Each worker of a check is a JVM of its own, and a
 * check kills it from outside. The checks believe nothing this reports but a failure: they count the results on the
 * results topic and what the broker saw acknowledged.
 */
public final class Harness implements LabHarness {

    private Thread worker;
    private volatile boolean running;
    private volatile Throwable failure;

    @Override
    public Object call(String operation, Map<String, Object> arguments) throws Exception {
        return switch (operation) {
            case "start" -> start(arguments);
            case "status" -> status();
            case "stop" -> stop();
            default -> throw new IllegalArgumentException("Unknown operation " + operation);
        };
    }

    private Object start(Map<String, Object> arguments) {
        if (worker != null && worker.isAlive()) {
            throw new IllegalStateException("This worker is running already.");
        }
        failure = null;
        String bootstrap = (String) arguments.get("bootstrap");
        Map<String, Object> consumerConfig = new HashMap<>(QueueWorker.consumerSettings());
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, arguments.get("group"));
        Map<String, Object> producerConfig = new HashMap<>(QueueWorker.producerSettings());
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        KafkaShareConsumer<String, String> orders = new KafkaShareConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        KafkaProducer<String, String> results = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        orders.subscribe(List.of((String) arguments.get("orders")));
        String resultsTopic = (String) arguments.get("results");
        Work work = new ShopWork(((Number) arguments.get("workMillis")).longValue());
        running = true;
        worker = new Thread(() -> {
            try (orders; results) {
                QueueWorker.run(orders, results, resultsTopic, work, () -> running);
            } catch (Throwable t) {
                failure = t;
            }
        }, "queue-worker");
        worker.start();
        return Map.of("started", true);
    }

    private Object status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("alive", worker != null && worker.isAlive());
        status.put("error", failure == null ? null : describe(failure));
        return status;
    }

    private Object stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(15_000);
        }
        Object status = status();
        if (worker != null && !worker.isAlive()) {
            worker = null;
        }
        return status;
    }

    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("lab06.")) {
                return text + " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return text;
    }

    /**
     * The work: read the order ({@code sku=...;qty=N;price=CENTS}, maybe {@code ;payment=flaky}), take some time, and
     * return its total. An order that cannot be read is poison; a flaky payment fails on the order's first delivery.
     */
    static final class ShopWork implements Work {
        private final long millis;

        ShopWork(long millis) {
            this.millis = millis;
        }

        @Override
        public String process(ConsumerRecord<String, String> order) throws TryAgainLater, PoisonOrder {
            Map<String, String> fields = new HashMap<>();
            for (String field : String.valueOf(order.value()).split(";")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            long total;
            try {
                total = Long.parseLong(fields.get("qty")) * Long.parseLong(fields.get("price"));
            } catch (NumberFormatException e) {
                throw new PoisonOrder("order " + order.key() + " cannot be read: " + order.value());
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TryAgainLater("interrupted");
            }
            if ("flaky".equals(fields.get("payment")) && order.deliveryCount().orElse((short) 1) <= 1) {
                throw new TryAgainLater("the payment service timed out for order " + order.key());
            }
            return order.key() + " total=" + total;
        }
    }
}
