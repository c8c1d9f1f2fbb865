package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients that point at the lesson's cluster, with defaults that suit learning.
 *
 * <pre>{@code
 * createTopic("orders", 3);
 * send("orders", "alice", "1 coffee");
 * var consumer = consumer("g1");
 * consumer.subscribe(List.of("orders"));
 * print(consumer.poll(Duration.ofSeconds(2)));
 * }</pre>
 */
public final class Kafka {

    /** The system property that carries the cluster's address into the JVM that runs the cells. */
    public static final String BOOTSTRAP_PROPERTY = "streamlab.bootstrap.servers";
    /** Further client settings (security, for an external cluster) come as {@code streamlab.client.KEY=VALUE}. */
    public static final String CLIENT_PREFIX = "streamlab.client.";

    private static KafkaProducer<String, String> shared;

    private Kafka() {}

    /** Set when the cluster may still be starting: then the helpers wait for its address. */
    public static final String PENDING_PROPERTY = "streamlab.cluster.pending";
    /** Set when the cluster could not start: the reason. */
    public static final String FAILED_PROPERTY = "streamlab.cluster.failed";
    /** The learner's prefix in a class ({@code ana.}); absent outside a class. */
    public static final String NAMESPACE_PROPERTY = Namespace.PROPERTY;

    /** The SQL Gateway's REST address, once the SQL engine runs (see {@link #sqlGateway()}). */
    public static final String SQL_GATEWAY_PROPERTY = "streamlab.sql.gateway";
    /** The SQL engine's keystore (PKCS12): the certificate its ports ask for (see {@link #sqlGatewayClient()}). */
    public static final String SQL_KEYSTORE_PROPERTY = "streamlab.sql.keystore";

    public static final String SQL_KEYSTORE_PASSWORD_PROPERTY = "streamlab.sql.keystore.password";
    /** The engine's certificate alone, in PEM, for curl's {@code --cacert}. */
    public static final String SQL_CERTIFICATE_PROPERTY = "streamlab.sql.certificate";

    /** The cluster's {@code host:port,...} list. Waits while the cluster is still starting. */
    public static String bootstrapServers() {
        return LessonCluster.bootstrapServers();
    }

    /** Called by streamlab (not by learners) when a setting of the cluster becomes known. */
    public static void learnSetting(String name, String value) {
        LessonCluster.learnSetting(name, value);
    }

    /** Settings every client needs: the bootstrap servers, plus any security settings of the cluster. */
    public static Map<String, Object> clientConfig() {
        return LessonCluster.clientConfig();
    }

    /** A producer of string keys and values that waits for every in-sync replica ({@code acks=all}). */
    public static KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    public static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        // spotless:off (shown to learners as written: lessons include this region)
        // tag::producer-defaults[]
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");         // a record counts once every in-sync replica has it
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);        // send at once: we look at every record
        // end::producer-defaults[]
        // spotless:on
        config.putAll(overrides);
        Namespace ns = namespace();
        if (ns.isNone()) {
            return new KafkaProducer<>(config);
        }
        Object transactionalId = config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ns.real(String.valueOf(transactionalId)));
        }
        return new NamespacedProducer<>(config, ns);
    }

    /** The learner's namespace in a class; {@link Namespace#NONE} outside one. Waits while the cluster is starting. */
    public static Namespace namespace() {
        return LessonCluster.namespace();
    }

    /**
     * A consumer of string keys and values in group {@code groupId}. It starts at the oldest record
     * when the group has no committed position, and commits only when you call {@code commitSync()}.
     * Its group runs on Kafka's broker-side protocol (KIP-848, {@code group.protocol=consumer}): the brokers assign
     * the partitions and set how often members heartbeat, so {@code session.timeout.ms},
     * {@code heartbeat.interval.ms} and {@code partition.assignment.strategy} are refused here. For the classic protocol
     * (a cluster older than Kafka 4.0), pass {@code Map.of("group.protocol", "classic")}.
     */
    public static KafkaConsumer<String, String> consumer(String groupId) {
        return consumer(groupId, Map.of());
    }

    public static KafkaConsumer<String, String> consumer(String groupId, Map<String, Object> overrides) {
        Map<String, Object> config = stringsOf(groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Kafka 4's clients still default to "classic"; the course teaches the protocol Kafka is moving to. A cluster's
        // own client settings (an external cluster's --command-config) may still choose classic.
        config.putIfAbsent(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG,
                GroupProtocol.CONSUMER.name().toLowerCase(java.util.Locale.ROOT));
        config.putAll(overrides);
        Namespace ns = namespace();
        if (ns.isNone()) {
            return new KafkaConsumer<>(config);
        }
        Object group = config.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, ns.real(String.valueOf(group)));
        }
        return new NamespacedConsumer<>(config, ns);
    }

    /** The cluster's client settings for a reader of string keys and values in group {@code groupId}. */
    private static Map<String, Object> stringsOf(String groupId) {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /**
     * A share consumer of string keys and values in share group {@code groupId}: the consumers of one share group
     * take records from the same partitions, and each acknowledges every record it gets
     * ({@code acknowledge(record)}, or with {@code AcknowledgeType.RELEASE} or {@code REJECT}), then
     * {@code commitSync()}. A new share group starts at the oldest record (Kafka's default is the newest).
     */
    public static KafkaShareConsumer<String, String> shareConsumer(String groupId) {
        return shareConsumer(groupId, Map.of());
    }

    public static KafkaShareConsumer<String, String> shareConsumer(String groupId, Map<String, Object> overrides) {
        Map<String, Object> config = stringsOf(groupId);
        config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        config.putAll(overrides);
        Namespace ns = namespace();
        String group = ns.real(String.valueOf(config.get(ConsumerConfig.GROUP_ID_CONFIG)));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (Admin admin = Admin.create(clientConfig())) {
            ShareGroups.requireEnabled(admin);
            ShareGroups.startAtEarliest(admin, group);
        } catch (IllegalStateException e) {
            throw fromLearnerCode(e);
        }
        return new LearnerShareConsumer<>(config, ns);
    }

    /**
     * The exception with the frames of streamlab's helpers and Kafka's client taken off the top, so that what the learner
     * reads is the message and the line of their own code that led to it.
     */
    static <T extends RuntimeException> T fromLearnerCode(T exception) {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        int first = 0;
        while (first < frames.length
                && (frames[first].getClassName().equals(Kafka.class.getName())
                        || frames[first].getClassName().startsWith(LearnerShareConsumer.class.getName())
                        || frames[first].getClassName().startsWith("org.apache.kafka."))) {
            first++;
        }
        exception.setStackTrace(java.util.Arrays.copyOfRange(frames, first, frames.length));
        return exception;
    }

    /** An admin client, for topics, groups and the cluster itself. Close it when done ({@code try (var a = admin()) {...}}). */
    public static Admin admin() {
        Namespace ns = namespace();
        Admin admin = Admin.create(clientConfig());
        return ns.isNone() ? admin : NamespacedAdmin.wrap(admin, ns);
    }

    /**
     * A topic's name on the cluster, for clients the helpers do not make (a Kafka Streams topology, a client built by
     * hand): {@code builder.stream(topic("orders"))}. In a class it is your own ({@code ana.orders}); elsewhere
     * {@code orders}.
     */
    public static String topic(String name) {
        return namespace().real(name);
    }

    /**
     * Settings for a Kafka Streams application of your own: the cluster's client settings, string keys and values, and
     * its {@code application.id}, which also names its consumer group and internal topics. In a class the id is put
     * under your prefix, as Kafka's authorizer requires; name the topology's topics with {@link #topic(String)}.
     * <pre>{@code
     * var builder = new StreamsBuilder();
     * builder.<String, String>stream(topic("orders")).mapValues(v -> v.toUpperCase()).to(topic("orders-upper"));
     * var app = new KafkaStreams(builder.build(), streamsConfig("shouter"));
     * app.start();
     * }</pre>
     */
    public static Properties streamsConfig(String applicationId) {
        Properties props = new Properties();
        props.putAll(clientConfig());
        props.put(
                "application.id",
                namespace().real(applicationId)); // StreamsConfig's keys: this class needs kafka-clients only
        props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        return props;
    }

    /** Creates a topic with the cluster's default replication, or does nothing if it exists. */
    public static String createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(
                            List.of(new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty())))
                    .all()
                    .get();
            return "Created topic " + name + " with " + partitions + (partitions == 1 ? " partition" : " partitions");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return "Topic " + name + " already exists";
            }
            if (e.getCause() instanceof PolicyViolationException) {
                // The broker's sentence, named so the shell knows a class limit refused it.
                throw new IllegalStateException(
                        "PolicyViolationException: " + e.getCause().getMessage(), e.getCause());
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Sends one record with a shared producer and waits until the cluster has it; returns where it went. */
    public static RecordMetadata send(String topic, String key, String value) {
        synchronized (Kafka.class) {
            if (shared == null) {
                shared = producer();
            }
        }
        try {
            return shared.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    e.getCause().getClass().getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Prints records one a line: where each one is (topic, partition, offset), then its key and value. */
    public static void print(ConsumerRecords<?, ?> records) {
        Printing.print(records);
    }

    /** A record of a share consumer also says how many times Kafka has delivered it ({@code delivery 2}). */
    public static void print(ConsumerRecord<?, ?> record) {
        Printing.print(record);
    }

    public static void print(RecordMetadata metadata) {
        Printing.print(metadata);
    }

    /**
     * Polls until records come (a new consumer first has to join its group), for at most
     * {@code seconds}, and prints them. Returns how many came.
     */
    public static int pollAndPrint(KafkaConsumer<?, ?> consumer, int seconds) {
        return Printing.pollAndPrint(consumer, seconds);
    }

    /**
     * Polls a share consumer until records come (a new member first has to join its share group), for at most
     * {@code seconds}, and prints them with their delivery counts. Returns them, to acknowledge.
     */
    public static ConsumerRecords<String, String> pollAndPrint(
            KafkaShareConsumer<String, String> consumer, int seconds) {
        return Printing.pollAndPrint(consumer, seconds);
    }

    /**
     * A file of the workshop's {@code demo-data/} folder, found from the current directory upwards (else in the
     * installed distribution's, {@code STREAMLAB_DEMO_DATA}),
     * e.g. {@code Files.readAllLines(demoData("orders.jsonl"))}.
     */
    public static java.nio.file.Path demoData(String name) {
        for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            java.nio.file.Path file = dir.resolve("demo-data").resolve(name);
            if (java.nio.file.Files.exists(file)) {
                return file;
            }
        }
        // An installed distribution's launcher names its own demo-data/ (the learner may start it from any folder).
        String installed = System.getenv("STREAMLAB_DEMO_DATA");
        if (installed != null
                && !installed.isBlank()
                && java.nio.file.Files.exists(java.nio.file.Path.of(installed, name))) {
            return java.nio.file.Path.of(installed, name).toAbsolutePath();
        }
        throw new IllegalArgumentException("There is no demo-data/" + name + " here or in a folder above. "
                + "Start streamlab from the workshop's folder.");
    }

    /**
     * The address of Flink's SQL Gateway, such as {@code https://127.0.0.1:40123}, where {@code curl} can submit SQL over
     * REST. It runs beside the SQL engine, which starts with the lesson's first SQL cell. It answers only a client that
     * presents this session's certificate: {@link #sqlGatewayClient()} does, and {@link #sqlGatewayCurl()} says how
     * curl does.
     */
    public static String sqlGateway() {
        return SqlGateway.address();
    }

    /**
     * An HTTP client for the SQL Gateway: it presents this session's certificate, and trusts only the engine's. The
     * engine's ports take no other client, so another user of this machine cannot submit SQL as you.
     */
    public static java.net.http.HttpClient sqlGatewayClient() {
        return SqlGateway.client();
    }

    /**
     * curl's option for the SQL Gateway, to put before its address: {@code --config FILE}, where the file (readable by
     * you alone, beside the engine's certificate, gone when the engine stops) names this session's certificate, its
     * password and the engine's certificate. The password is in the file, not on curl's command line, which every user
     * of the machine can read ({@code ps}).
     */
    public static String sqlGatewayCurl() {
        return SqlGateway.curlOptions();
    }

    /**
     * The {@code WITH} options that connect a Flink SQL table to this cluster's topic, for SQL sent by hand (over REST):
     * the topic's name (in a class, the learner's own), the bootstrap servers and any security settings. A SQL cell
     * needs none of this: streamlab adds them.
     */
    public static String sqlKafkaOptions(String topic) {
        return SqlGateway.kafkaOptions(topic);
    }
}
