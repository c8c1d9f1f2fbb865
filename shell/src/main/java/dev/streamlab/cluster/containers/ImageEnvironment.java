package dev.streamlab.cluster.containers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka settings as the environment variables the {@code apache/kafka} image turns back into server properties:
 * {@code KAFKA_} + the name upper-cased, with {@code .} → {@code _}, {@code _} → {@code __}, {@code -} → {@code ___}.
 */
public final class ImageEnvironment {

    private ImageEnvironment() {}

    public static Map<String, String> of(Map<String, String> properties) {
        Map<String, String> env = new LinkedHashMap<>();
        properties.forEach((name, value) -> env.put(variable(name), value));
        return env;
    }

    static String variable(String property) {
        return "KAFKA_"
                + property.replace("_", "__")
                        .replace("-", "___")
                        .replace(".", "_")
                        .toUpperCase(Locale.ROOT);
    }
}
