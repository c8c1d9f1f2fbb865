package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's {@code class} commands and a learner's {@code check --class}, as typed, on a real secure 3-broker
 * cluster: exit codes, one-sentence errors, and lessons that stop brokers skipped at once where streamlab does not
 * control them.
 */
class ClassCommandIT {

    private static EmbeddedCluster cluster;
    private static Path admin;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSecureCluster() throws Exception {
        cluster = EmbeddedCluster.builder()
                .brokers(3)
                .secure(ClusterSecurity.generate())
                .start();
        admin = AdminConfigFile.write(
                dir.resolve("admin.properties"),
                cluster.bootstrapServers(),
                cluster.security().orElseThrow());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static CommandLineRun classCommand(String sub, String... more) {
        String[] args = new String[more.length + 6];
        args[0] = "class";
        args[1] = sub;
        args[2] = "--bootstrap-server";
        args[3] = cluster.bootstrapServers();
        args[4] = "--command-config";
        args[5] = admin.toString();
        System.arraycopy(more, 0, args, 6, more.length);
        return CommandLineRun.of(args);
    }

    @Test
    void createListAndRemoveAsAnInstructorTypesThem() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.txt"), "# Tuesday\nkim\nlou\n");
        Path out = dir.resolve("joins");
        CommandLineRun created = classCommand("create", "--roster", roster.toString(), "--out", out.toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        assertThat(created.out().lines())
                .containsExactly(
                        "kim  kim.*  " + out.resolve("join-kim.properties"),
                        "lou  lou.*  " + out.resolve("join-lou.properties"));
        assertThat(created.err()).contains("./streamlab learn --class FILE");

        CommandLineRun again = classCommand(
                "create",
                "--roster",
                roster.toString(),
                "--out",
                dir.resolve("other").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(again.errLines())
                .filteredOn(l -> l.startsWith("Error:"))
                .singleElement()
                .asString()
                .startsWith("Error: The class was not created: kim, lou already have a credential");

        CommandLineRun listed = classCommand("list");
        assertThat(listed.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(listed.out().lines())
                .containsExactly(
                        "learner  ACLs  produce  fetch    requests  partitions  topics",
                        "kim      5     1 MiB/s  2 MiB/s  25 %      10/s        -",
                        "lou      5     1 MiB/s  2 MiB/s  25 %      10/s        -");

        CommandLineRun nobody = classCommand("remove");
        assertThat(nobody.exitCode()).isEqualTo(ExitCode.USAGE);
        CommandLineRun removed = classCommand("remove", "--all", "--delete-topics");
        assertThat(removed.exitCode()).as(removed.err()).isEqualTo(ExitCode.OK);
        assertThat(removed.out()).startsWith("Removed kim, lou: 10 ACLs, 0 topics");
        assertThat(classCommand("list").err()).contains("No learners on " + cluster.bootstrapServers());

        CommandLineRun removedClass = CommandLineRun.of(
                "check", "--class", out.resolve("join-kim.properties").toString(), "00");
        assertThat(removedClass.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(removedClass.err())
                .contains("Error: The class cluster refused kim's password: the class may have been"
                        + " removed, or the join file was changed. Ask your instructor for a new join file.");
    }

    @Test
    void badRostersAreUsageErrorsAndChangeNothing() throws Exception {
        Path duplicate = Files.writeString(dir.resolve("dup.txt"), "max\nmax\n");
        CommandLineRun run = classCommand(
                "create",
                "--roster",
                duplicate.toString(),
                "--out",
                dir.resolve("dup").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Error: The roster names 'max' twice");
        Path collide = Files.writeString(dir.resolve("collide.txt"), "ned\nned.b\n");
        CommandLineRun collides = classCommand("create", "--roster", collide.toString());
        assertThat(collides.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(collides.err()).contains("'ned.b'", "has a dot");
        assertThat(classCommand("list").out()).doesNotContain("max", "ned");
        CommandLineRun missing =
                classCommand("create", "--roster", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("Cannot read the roster");
    }

    @Test
    void stepsThatStopBrokersAreSkippedAtOnceWhereStreamlabDoesNotControlThem() {
        CommandLineRun run = CommandLineRun.of(
                "check",
                "--cluster",
                "external",
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--command-config",
                admin.toString(),
                "00");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains(
                        "skip 00 cell 7 (lessons/00-welcome.adoc:120)  /broker kill leader greetings 0  0.0 s",
                        "Skipped: this step stops brokers, and streamlab does not control this cluster's brokers",
                        "./streamlab learn 00 --cluster embedded",
                        "skip 00 cell 8");
        assertThat(run.out()).contains("6 passed, 0 failed, 2 skipped");
    }
}
