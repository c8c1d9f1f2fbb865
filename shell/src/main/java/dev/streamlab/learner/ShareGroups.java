package dev.streamlab.learner;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a share consumer needs of the cluster before it joins: share groups switched on (the {@code share.version}
 * feature, Kafka 4.2 and later), and its group's {@code share.auto.offset.reset} set to {@code earliest}, a setting of
 * the group on the brokers (a share consumer has no {@code auto.offset.reset} of its own).
 */
final class ShareGroups {

    static final String FEATURE = "share.version";
    static final String RESET = "share.auto.offset.reset";
    private static final long TIMEOUT_S = 15;

    private ShareGroups() {}

    /** Fails with one sentence when the cluster's brokers have share groups switched off, or are too old for them. */
    static void requireEnabled(Admin admin) {
        FinalizedVersionRange version = get(admin.describeFeatures().featureMetadata())
                .finalizedFeatures()
                .get(FEATURE);
        if (version == null || version.maxVersionLevel() < 1) {
            throw new IllegalStateException("This cluster has no share groups: its brokers need Kafka 4.2 or newer with"
                    + " the feature share.version at 1 or more (kafka-features.sh --bootstrap-server HOST:PORT upgrade"
                    + " --feature share.version=1).");
        }
    }

    /** Sets the group's {@code share.auto.offset.reset} to {@code earliest}, unless someone has set it already. */
    static void startAtEarliest(Admin admin, String group) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        Config config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        ConfigEntry reset = config == null ? null : config.get(RESET);
        if (reset != null && reset.source() == ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG) {
            return;
        }
        get(admin.incrementalAlterConfigs(Map.of(
                        resource,
                        List.of(new AlterConfigOp(new ConfigEntry(RESET, "earliest"), AlterConfigOp.OpType.SET))))
                .all());
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    e.getCause().getClass().getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cluster did not answer within " + TIMEOUT_S + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
