package dev.streamlab.classroom;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.server.config.QuotaConfig;

/**
 * Kafka's quotas on one learner's user, enforced by each broker (and the controller for partition mutations): a
 * learner who goes over is slowed down (produce, fetch, request time) or refused for a moment (partition mutations),
 * so one learner cannot starve the classmates who share the cluster. A value is null when the user has no such quota.
 *
 * @param produceBytesPerSecond       {@code producer_byte_rate}, per broker
 * @param fetchBytesPerSecond         {@code consumer_byte_rate}, per broker
 * @param requestPercentage           {@code request_percentage}: time on the broker's network and I/O threads, in
 *                                    percent of one thread, per broker
 * @param partitionMutationsPerSecond {@code controller_mutation_rate}: partitions created or deleted per second
 */
public record LearnerQuota(
        Double produceBytesPerSecond,
        Double fetchBytesPerSecond,
        Double requestPercentage,
        Double partitionMutationsPerSecond) {

    public static final long DEFAULT_PRODUCE_BYTES = 1024 * 1024;
    public static final long DEFAULT_FETCH_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_REQUEST_PERCENTAGE = 25;
    public static final int DEFAULT_PARTITION_MUTATIONS = 10;

    /**
     * For a workshop: exercises move kilobytes, so 1 MiB/s produce and 2 MiB/s fetch per broker never slow a learner
     * who follows the lessons, and a learner producing flat out cannot take a broker's disk and network from 30
     * classmates; 25 % of one request thread (a teaching broker has 4 network and I/O threads) lets 16 learners be
     * busy at once on a broker; 10 partitions per second is a lesson's topic at once, not thousands in a loop.
     */
    public static final LearnerQuota DEFAULTS = new LearnerQuota(
            (double) DEFAULT_PRODUCE_BYTES, (double) DEFAULT_FETCH_BYTES, (double) DEFAULT_REQUEST_PERCENTAGE, (double)
                    DEFAULT_PARTITION_MUTATIONS);

    /** No quota at all: what {@code class remove} leaves. */
    public static final LearnerQuota NONE = new LearnerQuota(null, null, null, null);

    static final String PRODUCE = QuotaConfig.PRODUCER_BYTE_RATE_OVERRIDE_CONFIG;
    static final String FETCH = QuotaConfig.CONSUMER_BYTE_RATE_OVERRIDE_CONFIG;
    static final String REQUEST = QuotaConfig.REQUEST_PERCENTAGE_OVERRIDE_CONFIG;
    static final String MUTATION = QuotaConfig.CONTROLLER_MUTATION_RATE_OVERRIDE_CONFIG;

    /** Kafka's names and values, for {@code alterClientQuotas}; a null value removes that quota. */
    Map<String, Double> asKafka() {
        Map<String, Double> q = new LinkedHashMap<>();
        q.put(PRODUCE, produceBytesPerSecond);
        q.put(FETCH, fetchBytesPerSecond);
        q.put(REQUEST, requestPercentage);
        q.put(MUTATION, partitionMutationsPerSecond);
        return q;
    }

    /** The quotas {@code describeClientQuotas} returned for one user. */
    static LearnerQuota fromKafka(Map<String, Double> quotas) {
        return new LearnerQuota(quotas.get(PRODUCE), quotas.get(FETCH), quotas.get(REQUEST), quotas.get(MUTATION));
    }
}
