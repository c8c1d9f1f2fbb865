package dev.streamlab.cli;

import java.util.concurrent.Callable;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.doctor.EnvironmentFacts;
import dev.streamlab.doctor.ReadinessCheck;
import dev.streamlab.doctor.ReadinessReport;
import dev.streamlab.drill.FailoverReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab doctor}: is this laptop ready for the workshop? */
@Command(name = "doctor", description = {
        "Check that this machine is ready for the workshop.",
        "Starts a 3-broker cluster, kills the leader of a partition while writing,",
        "and checks that no acknowledged record was lost."})
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), Output.ansiFromEnvironment());
        EnvironmentFacts env = EnvironmentFacts.gather();
        output.result("Java:              " + env.javaVersion() + " (" + env.javaVendor() + ")"
                + (env.fullJdk() ? "" : " - not a full JDK: JShell is missing, install a JDK"));
        output.result("Memory:            " + env.maxHeapMb() + " MB for Java, " + env.physicalMemoryMb()
                + " MB in this machine, " + env.processors() + " processors");
        output.result("Docker:            " + (env.dockerAnswers() ? "yes, " : "no, ") + env.dockerDetail());

        ReadinessReport report = new ReadinessCheck(
                listener -> EmbeddedCluster.builder().brokers(3).listener(listener).start(),
                output::progress).run();

        FailoverReport failover = report.failover();
        output.result("Cluster:           " + report.brokers() + " brokers, " + report.clusterKind());
        output.result("Ready after:       " + seconds(report.timeToReadyCluster().toMillis()));
        output.result("New leader after:  " + seconds(failover.timeToNewLeader().toMillis())
                + " (broker " + failover.killedBroker() + " killed, broker " + failover.newLeader() + " took over)");
        output.result("Acknowledged:      " + failover.acknowledged() + " records");
        output.result("Read back:         " + failover.read() + " records");
        output.result("Lost:              " + failover.lost() + " records");
        EnvironmentFacts.peakResidentMemoryMb().ifPresent(mb -> output.result("Peak memory (RSS): " + mb + " MB"));
        if (report.ready()) {
            output.result("@|green,bold Ready for the workshop.|@");
            return ExitCode.OK;
        }
        output.result("@|red,bold Not ready:|@ " + (failover.lost() > 0
                ? failover.lost() + " acknowledged records were lost."
                : "install a full JDK (17 or newer) that includes JShell."));
        return ExitCode.CHECK_FAILED;
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
