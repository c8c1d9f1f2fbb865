package dev.streamlab.learner;

import dev.streamlab.sql.EngineKeystore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The way into Flink's SQL Gateway from the learner's cells, from the system properties streamlab sets once the SQL
 * engine runs: its address, a client with this session's certificate, curl's settings, and the options of a Kafka
 * table for SQL sent by hand. {@link Kafka}'s helpers read it here.
 */
final class SqlGateway {

    private SqlGateway() {}

    static String address() {
        String url = System.getProperty(Kafka.SQL_GATEWAY_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "The SQL engine has not started yet, so there is no SQL Gateway. Run a SQL cell first.");
        }
        return url;
    }

    static HttpClient client() {
        address(); // says so when the engine has not started
        return HttpClient.newBuilder()
                .sslContext(EngineKeystore.sslContext(
                        Path.of(property(Kafka.SQL_KEYSTORE_PROPERTY)), property(Kafka.SQL_KEYSTORE_PASSWORD_PROPERTY)))
                .build();
    }

    static String curlOptions() {
        address();
        Path keystore = Path.of(property(Kafka.SQL_KEYSTORE_PROPERTY));
        Path config = keystore.resolveSibling("curl.config");
        String text = "cert-type = \"P12\"\n"
                + "cert = \"" + curlQuoted(keystore + ":" + property(Kafka.SQL_KEYSTORE_PASSWORD_PROPERTY)) + "\"\n"
                + "cacert = \"" + curlQuoted(property(Kafka.SQL_CERTIFICATE_PROPERTY)) + "\"\n";
        try {
            Path written = Files.createTempFile(keystore.getParent(), "curl-", ".config");
            Files.writeString(written, text); // a temporary file is its owner's alone
            Files.move(written, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot write curl's settings for the SQL Gateway in " + config.getParent() + " (" + e.getMessage()
                            + "). Start the SQL engine again.",
                    e);
        }
        return "--config " + config;
    }

    static String kafkaOptions(String topic) {
        StringBuilder options = new StringBuilder(
                "'connector' = 'kafka', 'topic' = '" + LessonCluster.namespace().real(topic) + "'");
        LessonCluster.clientConfig().forEach((key, value) -> {
            String text = String.valueOf(value);
            if (key.equals("sasl.jaas.config") && text.startsWith("org.apache.kafka.")) {
                text = "org.apache.flink.kafka.shaded." + text; // Kafka's classes are shaded in Flink's connector
            }
            options.append(", 'properties.")
                    .append(key)
                    .append("' = '")
                    .append(text.replace("'", "''"))
                    .append("'");
        });
        return options.toString();
    }

    private static String curlQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "The SQL engine has not started yet, so there is no SQL Gateway. Run a SQL cell first.");
        }
        return value;
    }
}
