package dev.streamlab.sqlengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.gateway.SqlGateway;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

/**
 * The SQL engine's JVM: Flink SQL on one local mini cluster, driven by the shell over stdin and stdout.
 *
 * <p>The first line on stdin is the {@link EngineConfig}. Then each line is a request, {@code {"id": N, "op": ...}}, and
 * each line on stdout a reply with the same id (see {@link Statements} for the ops). The engine says
 * {@code {"id":0,"type":"ready",...}} once a session answers, or {@code {"id":0,"type":"failed","message":...}} and exits.
 * Flink's own logging goes to stderr. The engine ends when its stdin closes: the shell that started it is gone.
 */
public final class SqlEngineMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlEngineMain() {}

    public static void main(String[] args) {
        System.setOut(System.err); // the real stdout carries the protocol alone
        Replies replies = new Replies();
        int status = 0;
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long waitStart = System.nanoTime();
            String first = in.readLine();
            // The shell sends the settings once the engine's keystore is made: how long that held the start up.
            long waitedMillis = (System.nanoTime() - waitStart) / 1_000_000;
            if (first == null) {
                return;
            }
            EngineConfig config = readConfig(first);
            // Requests are read from the start, so that a shell that ends while Flink starts (stdin closes) ends the
            // engine at once rather than after the start.
            java.util.concurrent.BlockingQueue<String> requests = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(
                    () -> {
                        try {
                            String line;
                            while ((line = in.readLine()) != null) {
                                requests.add(line);
                            }
                        } catch (java.io.IOException e) {
                            // the shell is gone
                        }
                        System.exit(0);
                    },
                    "sql-engine-requests");
            reader.setDaemon(true);
            reader.start();
            Statements statements = start(config, replies, waitedMillis);
            while (true) {
                String line = requests.take();
                if (!line.isBlank()) {
                    statements.handle(JSON.readTree(line));
                }
            }
        } catch (Throwable e) {
            replies.send(0, "failed", "message", ErrorLine.of(e));
            e.printStackTrace();
            status = 1;
        } finally {
            // Flink's threads are not daemons: without an explicit exit the JVM would outlive the shell. An exit (not a
            // halt) lets the JVM write its class archive when the shell asked for one.
            System.exit(status);
        }
    }

    private static EngineConfig readConfig(String line) throws Exception {
        JsonNode node = JSON.readTree(line);
        Map<String, String> kafka = new java.util.LinkedHashMap<>();
        node.path("kafka")
                .fields()
                .forEachRemaining(e -> kafka.put(e.getKey(), e.getValue().asText()));
        return new EngineConfig(
                kafka,
                node.path("topicPrefix").asText(""),
                node.path("bounded").asBoolean(false),
                node.path("gatewayPort").asInt(-1),
                node.path("keystore").asText(""),
                node.path("keystorePassword").asText(""));
    }

    private static Statements start(EngineConfig config, Replies replies, long waitedMillis) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "1");
        conf.setString("table.local-time-zone", "UTC");
        conf.setString("taskmanager.memory.managed.size", "64m");
        conf.setString("taskmanager.memory.network.min", "16m");
        conf.setString("taskmanager.memory.network.max", "16m");
        conf.setString("rest.bind-address", "127.0.0.1");
        conf.setString("rest.address", "127.0.0.1");
        conf.setString("rest.bind-port", "0");
        // Everything the engine listens on stays on this machine: a classmate must not reach a learner's engine.
        conf.setString("jobmanager.bind-host", "127.0.0.1");
        conf.setString("jobmanager.rpc.address", "127.0.0.1");
        conf.setString("taskmanager.bind-host", "127.0.0.1");
        conf.setString("taskmanager.host", "127.0.0.1");
        mutualTls(conf, config);

        // One mini cluster for the whole session. Flink's default "local" target starts a mini cluster per job and
        // stops it with the job: seconds per statement, and a stopped job could not be listed afterwards.
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(8)
                .build());
        cluster.start();
        URI rest = cluster.getRestAddress().get();
        conf.setString("execution.target", "remote");
        conf.setString("rest.port", Integer.toString(rest.getPort()));

        String gateway = "";
        if (config.gatewayPort() >= 0) {
            int port = config.gatewayPort() == 0 ? freePort() : config.gatewayPort();
            Configuration gatewayConf = new Configuration(conf);
            gatewayConf.setString("sql-gateway.endpoint.type", "rest");
            gatewayConf.setString("sql-gateway.endpoint.rest.address", "127.0.0.1");
            gatewayConf.setString("sql-gateway.endpoint.rest.bind-address", "127.0.0.1");
            gatewayConf.setString("sql-gateway.endpoint.rest.port", Integer.toString(port));
            gatewayConf.setString("sql-gateway.endpoint.rest.bind-port", Integer.toString(port));
            new SqlGateway(
                            gatewayConf,
                            new GatewaySessions(
                                    SessionManager.create(new DefaultContext(gatewayConf, List.of())),
                                    new LessonConnectors(kafka(config))))
                    .start();
            gateway = "https://127.0.0.1:" + port;
        }

        Statements statements = Statements.open(conf, cluster, kafka(config), config.bounded(), replies);
        replies.send(
                0,
                "ready",
                "millis",
                System.currentTimeMillis() - jvmStart,
                "waitedMillis",
                waitedMillis,
                "gateway",
                gateway,
                "flinkVersion",
                org.apache.flink.runtime.util.EnvironmentInformation.getVersion());
        return statements;
    }

    private static KafkaTableOptions kafka(EngineConfig config) {
        return new KafkaTableOptions(config.kafka(), config.topicPrefix(), config.bounded());
    }

    /**
     * Loopback is shared by every user of the machine, so each port the engine opens (REST, the SQL Gateway, the blob
     * server, the data plane) asks its client for the engine's own certificate: the one the shell made for this start,
     * in a file only the learner can read. Flink's own TLS does it; its own clients (the REST client that submits
     * jobs, the task manager's blob client) present the same certificate.
     */
    private static void mutualTls(Configuration conf, EngineConfig config) {
        if (config.keystore().isEmpty() || config.keystorePassword().isEmpty()) {
            throw new IllegalArgumentException("The engine got no keystore: start it from streamlab, which makes one");
        }
        conf.setString("security.ssl.internal.enabled", "true");
        conf.setString("security.ssl.rest.enabled", "true");
        conf.setString("security.ssl.rest.authentication-enabled", "true");
        for (String scope : List.of("internal", "rest")) {
            String prefix = "security.ssl." + scope + ".";
            conf.setString(prefix + "keystore", config.keystore());
            conf.setString(prefix + "keystore-password", config.keystorePassword());
            conf.setString(prefix + "key-password", config.keystorePassword());
            conf.setString(prefix + "keystore-type", "PKCS12");
            conf.setString(prefix + "truststore", config.keystore());
            conf.setString(prefix + "truststore-password", config.keystorePassword());
            conf.setString(prefix + "truststore-type", "PKCS12");
        }
        // The key is an EC key; Flink's default suites are for RSA keys. TLS 1.3's suites work with either.
        conf.setString("security.ssl.protocol", "TLSv1.3");
        conf.setString("security.ssl.algorithms", "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
