package dev.streamlab.cli;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.cluster.selection.ClusterSelection;
import dev.streamlab.cluster.selection.ClusterSettings;
import dev.streamlab.doctor.EnvironmentFacts;
import dev.streamlab.doctor.ReadinessCheck;
import dev.streamlab.doctor.ReadinessReport;
import dev.streamlab.drill.FailoverReport;
import dev.streamlab.terminal.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab doctor}: is this laptop ready for the workshop? */
@Command(
        name = "doctor",
        description = {
            "Check that this machine is ready for the workshop.",
            "Starts a 3-broker cluster, kills the leader of a partition while writing,",
            "and checks that no acknowledged record was lost. Without --cluster it checks the embedded",
            "cluster, then the containers cluster when a Docker engine answers."
        })
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions clusterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        EnvironmentFacts env = EnvironmentFacts.gather();
        output.result("Java:              " + env.javaVersion() + " (" + env.javaVendor() + ")"
                + (env.fullJdk() ? "" : " - not a full JDK: JShell is missing, install a JDK"));
        output.result("Memory:            " + env.maxHeapMb() + " MB for Java, " + env.physicalMemoryMb()
                + " MB in this machine, " + env.processors() + " processors");
        output.result("Docker:            " + (env.dockerAnswers() ? "yes, " : "no, ") + env.dockerDetail());

        ClusterSettings settings = clusterOptions.settings();
        List<ReadinessReport> reports = new ArrayList<>();
        if (settings.kind() == ClusterSettings.Kind.AUTO
                && settings.bootstrapServer().isEmpty()) {
            reports.add(new ReadinessCheck(
                            listener -> EmbeddedCluster.builder()
                                    .brokers(3)
                                    .listener(listener)
                                    .start(),
                            output::progress)
                    .run());
            print(output, reports.get(0));
            containersPath(output, settings).ifPresent(report -> {
                reports.add(report);
                print(output, report);
            });
        } else {
            reports.add(new ReadinessCheck(listener -> clusterOptions.start(listener, 3), output::progress).run());
            print(output, reports.get(0));
        }
        EnvironmentFacts.peakResidentMemoryMb().ifPresent(mb -> output.result("Peak memory (RSS): " + mb + " MB"));
        if (reports.stream().allMatch(ReadinessReport::ready)) {
            output.result(output.styles().apply(Styles.GOOD_STRONG, "Ready for the workshop."));
            return ExitCode.OK;
        }
        long lost = reports.stream().mapToLong(r -> r.failover().lost()).sum();
        output.result(output.styles().apply(Styles.BAD, "Not ready:") + " "
                + (lost > 0
                        ? lost + " acknowledged records were lost."
                        : "install a full JDK (17 or newer) that includes JShell."));
        return ExitCode.CHECK_FAILED;
    }

    /** The containers check: only when Docker answers and the image is here or can be pulled; otherwise why not. */
    private static Optional<ReadinessReport> containersPath(Output output, ClusterSettings settings) {
        DockerEngine.Status docker = DockerEngine.probe();
        if (!docker.answers()) {
            output.result("Containers:        not checked: " + docker.detail()
                    + " (lessons run on embedded brokers; start Docker to use containers)");
            return Optional.empty();
        }
        String image = settings.image().orElseGet(() -> KafkaImage.preferred(DockerEngine.client()));
        ClusterSelection.Availability availability =
                ClusterSelection.thisMachine(output::progress).image(image);
        if (!availability.available()) {
            output.result("Containers:        not checked: " + availability.reason()
                    + ". Run 'streamlab image build' for " + KafkaImage.LOCAL + ".");
            return Optional.empty();
        }
        output.result("Kafka image:       " + image + " is here");
        return Optional.of(new ReadinessCheck(
                        listener -> ContainersCluster.builder()
                                .brokers(3)
                                .image(image)
                                .listener(listener)
                                .start(),
                        output::progress)
                .run());
    }

    private static void print(Output output, ReadinessReport report) {
        FailoverReport failover = report.failover();
        output.result("Cluster:           " + report.brokers() + " brokers, " + report.clusterKind());
        output.result(
                "Ready after:       " + seconds(report.timeToReadyCluster().toMillis()));
        output.result("New leader after:  " + seconds(failover.timeToNewLeader().toMillis()) + " (broker "
                + failover.killedBroker() + " killed, broker " + failover.newLeader() + " took over)");
        output.result("Acknowledged:      " + failover.acknowledged() + " records");
        output.result("Read back:         " + failover.read() + " records");
        output.result("Lost:              " + failover.lost() + " records");
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
