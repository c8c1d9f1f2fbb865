package dev.streamlab.cli;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ListenAddress;
import dev.streamlab.cluster.SettingException;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.policy.ClassLimits;
import dev.streamlab.cluster.selection.ClusterSettings;
import dev.streamlab.terminal.Styles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlab cluster up}: a cluster in the foreground until Ctrl-C. */
@Command(
        name = "up",
        description = {
            "Start a Kafka cluster and keep it running until you press Ctrl-C.",
            "Point Kafka's console tools or your IDE at the bootstrap servers it prints."
        })
public final class ClusterUpCommand implements Callable<Integer> {

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Broker 1 listens on PORT, broker 2 on PORT+1, and so on (default: free ports).")
    int port;

    @Option(
            names = "--secure",
            description = {
                "A cluster as a classroom's: SASL/SCRAM on every listener, Kafka's StandardAuthorizer, and one admin super"
                        + " user whose client settings go to --admin-config (embedded brokers, or --cluster containers)."
            })
    boolean secure;

    @Mixin
    ClassLimitOptions limits;

    @Option(
            names = "--admin-config",
            paramLabel = "FILE",
            defaultValue = "streamlab-admin.properties",
            description = "With --secure: where to write the admin's client settings, for 'streamlab class create"
                    + " --command-config FILE' and Kafka's tools (default: ${DEFAULT-VALUE}; readable by you only).")
    Path adminConfig;

    @Option(
            names = "--listen",
            paramLabel = "ADDRESS",
            description = {
                "With --secure: the brokers take clients on ADDRESS, an IPv4 address of this machine (0.0.0.0: all of them),"
                        + " so that learners on other machines reach them, over TLS with a certificate made for this start."
                        + " The controller stays on 127.0.0.1 (default: 127.0.0.1 only)."
            })
    String listen;

    @Option(
            names = "--advertise",
            paramLabel = "HOST",
            description = {
                "With --listen: the host name or address learners reach the brokers by, which the join files name"
                        + " (default: ADDRESS itself; for 0.0.0.0, this machine's host name, or else its first network address)."
            })
    String advertise;

    @Spec
    CommandSpec spec;

    private ListenAddress address = ListenAddress.LOOPBACK;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Output output = Output.of(spec);
        limits.checkUsedWith(secure);
        checkListenOptions();
        ClassLimits caps = secure ? limits.limits() : null;
        // The cluster closes from its own shutdown hook when Ctrl-C ends the JVM.
        Cluster cluster = secure
                ? startSecure(output, caps)
                : clusterOptions.start(output::progress, brokerCount.brokers(), port);
        int brokers = cluster.brokerIds().size();
        if (secure) {
            Path written = AdminConfigFile.write(adminConfig, cluster.clientConfig());
            output.progress("Admin (super user) settings: " + written + ". Make a class with: streamlab class create"
                    + " --roster FILE --bootstrap-server " + cluster.bootstrapServers() + " --command-config "
                    + written);
            if (!address.loopbackOnly()) {
                warnAboutTheRoom(output, address, cluster.bootstrapServers(), written);
            }
        }
        output.progress("Ready: " + brokers + (brokers == 1 ? " broker" : " brokers") + ". Press Ctrl-C to stop.");
        output.result(cluster.bootstrapServers());
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }

    private Cluster startSecure(Output output, ClassLimits caps) {
        ClusterSettings settings = clusterOptions.settings();
        if (settings.kind() == ClusterSettings.Kind.EXTERNAL) {
            throw new SettingException(
                    "--secure starts a cluster, and an external one is already running: secure it"
                            + " yourself (see 'Your own Kafka for a class' in docs/instructor.adoc), or use --cluster embedded.");
        }
        AdminConfigFile.checkWritable(adminConfig);
        if (settings.kind() == ClusterSettings.Kind.CONTAINERS) {
            return startSecureContainers(output, settings, caps);
        }
        address = listen == null ? ListenAddress.LOOPBACK : ListenAddress.of(listen, advertise);
        if (address.loopbackOnly()) {
            output.progress("Cluster: embedded, secure (SASL/SCRAM-SHA-512, StandardAuthorizer)");
        } else {
            output.progress(
                    "Cluster: embedded, secure (SASL/SCRAM-SHA-512 over TLS, StandardAuthorizer); brokers listen on "
                            + address.bind() + " and advertise " + address.advertised() + advertisedBecause(address));
        }
        return EmbeddedCluster.builder()
                .brokers(brokerCount.brokers())
                .basePort(port)
                .secure(ClusterSecurity.generate().withLimits(caps))
                .listen(address)
                .listener(output::progress)
                .start();
    }

    private Cluster startSecureContainers(Output output, ClusterSettings settings, ClassLimits caps) {
        if (listen != null) {
            throw new SettingException("--listen starts embedded brokers only (a containers cluster is reached on"
                    + " 127.0.0.1): use --cluster embedded.");
        }
        output.progress("Cluster: containers, secure (SASL/SCRAM-SHA-512, StandardAuthorizer)");
        // Not enforced, so said at every start: the image holds Kafka's jars only, and the policy is streamlab's class.
        output.err()
                .println(output.styles().apply(Styles.NOTICE, "Warning:") + " a containers cluster has the"
                        + " class's quotas and connection cap but not its topic policy (partitions, sizes and settings per"
                        + " topic): use --cluster embedded where learners must not make large topics.");
        return ContainersCluster.builder()
                .brokers(brokerCount.brokers())
                .basePort(port)
                .image(settings.image().orElse(null))
                .secure(ClusterSecurity.generate().withLimits(caps))
                .listener(output::progress)
                .start();
    }

    private void checkListenOptions() {
        if (listen != null && !secure) {
            throw new SettingException(
                    "--listen lets other machines reach the brokers, which only a secure cluster may do:"
                            + " add --secure.");
        }
        if (advertise != null && listen == null) {
            throw new SettingException("--advertise names the address learners reach the brokers by, and goes with"
                    + " --listen ADDRESS: add --listen, or leave --advertise out.");
        }
    }

    private static String advertisedBecause(ListenAddress address) {
        return switch (address.choice()) {
            case HOST_NAME -> " (this machine's host name; --advertise HOST if learners reach it by another name)";
            case FIRST_ADDRESS ->
                " (this machine's first network address; --advertise HOST if learners reach it by another)";
            default -> "";
        };
    }

    /** What a room can now reach, and what the files handed out are worth. */
    private static void warnAboutTheRoom(
            Output output, ListenAddress address, String bootstrapServers, Path adminFile) {
        String warning = output.styles().apply(Styles.NOTICE, "Warning:");
        String where = address.everyAddress() ? "every network this machine is on" : "the network of " + address.bind();
        output.err()
                .println(warning + " the brokers at " + bootstrapServers + " take connections from any" + " machine on "
                        + where + ". A learner's join file lets them in, to their own names only.");
        output.err()
                .println(warning + " " + adminFile + " lets whoever holds it do anything on this cluster: keep it"
                        + " to yourself, never hand it out.");
        output.err()
                .println(warning + " traffic is encrypted (TLS, a certificate made for this start that only the join"
                        + " files and the admin settings trust); passwords are checked by SCRAM and never sent. Stopping the"
                        + " cluster (Ctrl-C) ends every learner's access.");
        output.err().flush();
    }
}
