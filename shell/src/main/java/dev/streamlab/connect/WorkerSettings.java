package dev.streamlab.connect;

import dev.streamlab.tls.SelfSignedKeystore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings every streamlab Connect worker runs with, in the JVM or in a container. */
final class WorkerSettings {

    private WorkerSettings() {}

    /**
     * A standalone worker: keys as strings, values as plain JSON (no schema envelope, so learners read what they
     * wrote), offsets in a file, plugins found through their service files only (quick, and no scan of the classpath).
     */
    static Map<String, String> standalone(String bootstrapServers, Path offsets, String listener) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter.schemas.enable", "false");
        settings.put("offset.storage.file.filename", offsets.toString());
        settings.put("offset.flush.interval.ms", "1000");
        settings.put("listeners", listener);
        settings.put("plugin.discovery", "service_load");
        return settings;
    }

    /**
     * The REST listener takes HTTPS only, and only from a client that presents the worker's own certificate: the one
     * file is its keystore and its truststore. Prefixed {@code listeners.https.}, so that these never mix with the
     * {@code ssl.} settings of the worker's Kafka clients on a secure cluster.
     */
    static Map<String, String> restTls(SelfSignedKeystore keystore) {
        String prefix = "listeners.https.";
        Map<String, String> settings = new LinkedHashMap<>();
        for (String store : new String[] {"keystore", "truststore"}) {
            settings.put(prefix + "ssl." + store + ".type", "PKCS12");
            settings.put(prefix + "ssl." + store + ".location", keystore.file().toString());
            settings.put(prefix + "ssl." + store + ".password", keystore.password());
        }
        settings.put(prefix + "ssl.key.password", keystore.password());
        settings.put(prefix + "ssl.client.auth", "required");
        settings.put("rest.advertised.listener", "https");
        return settings;
    }

    /**
     * The cluster's client settings (security, on a secure cluster) for the worker itself and for the producers,
     * consumers and admin clients it makes for connectors: Connect passes those only the settings prefixed
     * {@code producer.}, {@code consumer.} and {@code admin.}, so a connector on a class cluster would otherwise connect
     * without the learner's credentials.
     */
    static Map<String, String> clients(Map<String, Object> clientConfig) {
        Map<String, String> settings = new LinkedHashMap<>();
        clientConfig.forEach((key, value) -> {
            settings.put(key, String.valueOf(value));
            if (!key.equals("bootstrap.servers")) {
                for (String client : new String[] {"producer.", "consumer.", "admin."}) {
                    settings.put(client + key, String.valueOf(value));
                }
            }
        });
        return settings;
    }
}
