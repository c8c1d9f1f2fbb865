package dev.streamlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import dev.streamlab.cluster.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code streamlab cluster up}: a cluster in the foreground until Ctrl-C. */
@Command(name = "up", description = {
        "Start a Kafka cluster and keep it running until you press Ctrl-C.",
        "Point Kafka's console tools or your IDE at the bootstrap servers it prints."})
public final class ClusterUpCommand implements Callable<Integer> {

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Broker 1 listens on PORT, broker 2 on PORT+1, and so on (default: free ports).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Output output = Output.of(spec);
        // The cluster closes from its own shutdown hook when Ctrl-C ends the JVM.
        Cluster cluster = clusterOptions.start(output::progress, brokerCount.brokers(), port);
        int brokers = cluster.brokerIds().size();
        output.progress("Ready: " + brokers + (brokers == 1 ? " broker" : " brokers") + ". Press Ctrl-C to stop.");
        output.result(cluster.bootstrapServers());
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }
}
