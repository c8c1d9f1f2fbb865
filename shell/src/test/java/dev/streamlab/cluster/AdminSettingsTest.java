package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** Kafka refuses an API timeout below the request timeout; a cluster's own settings may raise the request timeout. */
class AdminSettingsTest {

    @Test
    void ourTimeoutsWhereTheClusterNamesNone() {
        Map<String, Object> config = AdminSettings.withTimeouts(Map.of("bootstrap.servers", "x:9092"), 3_000, 10_000);
        assertThat(config)
                .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000")
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry("bootstrap.servers", "x:9092");
    }

    @Test
    void aClustersLongerRequestTimeoutWinsAndTheApiTimeoutFollowsIt() {
        Map<String, Object> config =
                AdminSettings.withTimeouts(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000"), 3_000, 10_000);
        assertThat(config)
                .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000")
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    }

    @Test
    void aClustersApiTimeoutBelowItsRequestTimeoutIsRaised() {
        Map<String, Object> config = AdminSettings.withTimeouts(
                Map.of(
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        20_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        5_000),
                3_000,
                10_000);
        assertThat(config).containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
    }
}
