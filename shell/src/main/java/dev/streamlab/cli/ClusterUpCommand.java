package dev.streamlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import java.io.IOException;
import java.nio.file.Path;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.ClusterSettings;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.SettingException;
import dev.streamlab.cluster.policy.ClassLimits;
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

    @Option(names = "--secure", description = {
            "A cluster as a classroom's: SASL/SCRAM on every listener, Kafka's StandardAuthorizer, and one admin super"
                    + " user whose client settings go to --admin-config (embedded brokers only)."})
    boolean secure;

    @Mixin
    ClassLimitOptions limits;

    @Option(names = "--admin-config", paramLabel = "FILE", defaultValue = "streamlab-admin.properties",
            description = "With --secure: where to write the admin's client settings, for 'streamlab class create"
                    + " --command-config FILE' and Kafka's tools (default: ${DEFAULT-VALUE}; readable by you only).")
    Path adminConfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Output output = Output.of(spec);
        limits.checkUsedWith(secure);
        ClassLimits caps = secure ? limits.limits() : null;
        // The cluster closes from its own shutdown hook when Ctrl-C ends the JVM.
        Cluster cluster = secure ? startSecure(output, caps) : clusterOptions.start(output::progress, brokerCount.brokers(), port);
        int brokers = cluster.brokerIds().size();
        if (secure) {
            Path written = AdminConfigFile.write(adminConfig, cluster.bootstrapServers(), cluster.security().orElseThrow());
            output.progress("Admin (super user) settings: " + written + ". Make a class with: streamlab class create"
                    + " --roster FILE --bootstrap-server " + cluster.bootstrapServers() + " --command-config " + written);
        }
        output.progress("Ready: " + brokers + (brokers == 1 ? " broker" : " brokers") + ". Press Ctrl-C to stop.");
        output.result(cluster.bootstrapServers());
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }

    private Cluster startSecure(Output output, ClassLimits caps) {
        ClusterSettings settings = clusterOptions.settings();
        if (settings.kind() == ClusterSettings.Kind.CONTAINERS || settings.kind() == ClusterSettings.Kind.EXTERNAL) {
            throw new SettingException("--secure starts embedded brokers only (streamlab does not secure a "
                    + settings.kind().label() + " cluster yet). Leave out --cluster " + settings.kind().label()
                    + ", or use --cluster embedded.");
        }
        AdminConfigFile.checkWritable(adminConfig);
        output.progress("Cluster: embedded, secure (SASL/SCRAM-SHA-512, StandardAuthorizer)");
        return EmbeddedCluster.builder().brokers(brokerCount.brokers()).basePort(port)
                .secure(ClusterSecurity.generate().withLimits(caps)).listener(output::progress).start();
    }
}
