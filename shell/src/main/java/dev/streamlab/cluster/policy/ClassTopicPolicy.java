package dev.streamlab.cluster.policy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/** Kafka's create-topic policy on a class cluster: a topic within {@link ClassLimits}, or Kafka refuses it. */
public final class ClassTopicPolicy implements CreateTopicPolicy {

    private volatile ClassLimits limits = ClassLimits.DEFAULTS;

    @Override
    public void configure(Map<String, ?> configs) {
        limits = ClassLimits.from(configs);
    }

    @Override
    public void validate(RequestMetadata request) throws PolicyViolationException {
        Integer partitions = request.numPartitions();
        Integer replicas = request.replicationFactor() == null
                ? null
                : request.replicationFactor().intValue();
        Map<Integer, List<Integer>> assignments = request.replicasAssignments();
        if (assignments != null && !assignments.isEmpty()) {
            partitions = assignments.size();
            replicas = assignments.values().stream().mapToInt(List::size).max().orElse(0);
        }
        limits.refuseTopic(request.topic(), partitions, replicas, request.configs())
                .ifPresent(why -> {
                    throw new PolicyViolationException(why);
                });
    }

    @Override
    public void close() {}
}
