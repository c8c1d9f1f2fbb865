package dev.streamlab.cli;

import dev.streamlab.cluster.TeachingSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --brokers N} option shared by commands that start a cluster. */
public final class BrokerCountOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int brokers = 3;

    @Option(
            names = "--brokers",
            paramLabel = "N",
            description = "How many brokers to start, from " + TeachingSettings.MIN_BROKERS + " to "
                    + TeachingSettings.MAX_BROKERS + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    void setBrokers(int brokers) {
        if (brokers < TeachingSettings.MIN_BROKERS || brokers > TeachingSettings.MAX_BROKERS) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--brokers must be between " + TeachingSettings.MIN_BROKERS + " and " + TeachingSettings.MAX_BROKERS
                            + ", not " + brokers + ".");
        }
        this.brokers = brokers;
    }

    public int brokers() {
        return brokers;
    }
}
