package dev.streamlab.cluster.policy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.AlterConfigPolicy;

/**
 * Kafka's alter-config policy on a class cluster: a topic's new settings within {@link ClassLimits}, or Kafka refuses
 * them. Broker settings need ALTER_CONFIGS on the cluster, which only the admin has, so they are not checked here.
 */
public final class ClassConfigPolicy implements AlterConfigPolicy {

    private volatile ClassLimits limits = ClassLimits.DEFAULTS;

    @Override
    public void configure(Map<String, ?> configs) {
        limits = ClassLimits.from(configs);
    }

    @Override
    public void validate(RequestMetadata request) throws PolicyViolationException {
        if (request.resource().type() != ConfigResource.Type.TOPIC) {
            return;
        }
        limits.refuseConfigs(request.resource().name(), request.configs()).ifPresent(why -> {
            throw new PolicyViolationException(why);
        });
    }

    @Override
    public void close() {}
}
