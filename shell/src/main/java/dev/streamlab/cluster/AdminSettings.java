package dev.streamlab.cluster;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The one place for an Admin client's timeouts. Kafka refuses a default API timeout below the request timeout, and an
 * external cluster's own settings (its command config) may raise the request timeout: what the cluster's settings say
 * wins, and the API timeout is never below the request timeout.
 */
public final class AdminSettings {

    private AdminSettings() {}

    /** The client settings with these timeouts where the settings name none, the API timeout at least the request's. */
    public static Map<String, Object> withTimeouts(
            Map<String, Object> clientConfig, long requestTimeoutMs, long apiTimeoutMs) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestTimeoutMs));
        long request = Long.parseLong(String.valueOf(config.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG))
                .strip());
        config.putIfAbsent(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(apiTimeoutMs, request)));
        long api = Long.parseLong(String.valueOf(config.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG))
                .strip());
        if (api < request) {
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(request));
        }
        return config;
    }
}
