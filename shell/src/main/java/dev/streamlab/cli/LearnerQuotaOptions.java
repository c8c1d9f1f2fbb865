package dev.streamlab.cli;

import dev.streamlab.classroom.LearnerQuota;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The quotas {@code class create} puts on each learner's user; the defaults are {@link LearnerQuota#DEFAULTS}. */
public final class LearnerQuotaOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--produce-rate",
            paramLabel = "BYTES",
            defaultValue = "" + LearnerQuota.DEFAULT_PRODUCE_BYTES,
            description = "Bytes per second a learner may produce, per broker (Kafka's producer_byte_rate; default:"
                    + " ${DEFAULT-VALUE}, 1 MiB/s).")
    long produceRate;

    @Option(
            names = "--fetch-rate",
            paramLabel = "BYTES",
            defaultValue = "" + LearnerQuota.DEFAULT_FETCH_BYTES,
            description =
                    "Bytes per second a learner may fetch, per broker (consumer_byte_rate; default: ${DEFAULT-VALUE},"
                            + " 2 MiB/s).")
    long fetchRate;

    @Option(
            names = "--request-percentage",
            paramLabel = "PERCENT",
            defaultValue = "" + LearnerQuota.DEFAULT_REQUEST_PERCENTAGE,
            description =
                    "Share of one broker thread's time a learner's requests may take (request_percentage; default:"
                            + " ${DEFAULT-VALUE}).")
    double requestPercentage;

    @Option(
            names = "--partition-rate",
            paramLabel = "N",
            defaultValue = "" + LearnerQuota.DEFAULT_PARTITION_MUTATIONS,
            description = "Partitions a learner may create or delete per second (controller_mutation_rate; default:"
                    + " ${DEFAULT-VALUE}).")
    double partitionRate;

    /** The quota asked for; a value of 0 or less is an error naming its option. */
    public LearnerQuota quota() {
        positive("--produce-rate", produceRate);
        positive("--fetch-rate", fetchRate);
        positive("--request-percentage", requestPercentage);
        positive("--partition-rate", partitionRate);
        return new LearnerQuota((double) produceRate, (double) fetchRate, requestPercentage, partitionRate);
    }

    private void positive(String option, double value) {
        if (!(value > 0)) {
            throw new ParameterException(
                    mixee.commandLine(),
                    option + " must be more than 0, not "
                            + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + ".");
        }
    }
}
