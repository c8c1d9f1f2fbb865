package dev.streamlab.cli;

import dev.streamlab.classroom.ClassTable;
import dev.streamlab.classroom.ClassView;
import dev.streamlab.classroom.ClassWatch;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamlab class watch}: the instructor's live view of the class, a page and a terminal table. */
@Command(
        name = "watch",
        description = {
            "Watch the class live: who is on which step, for how long, and who is stuck.",
            "A Kafka Streams app folds the learners' progress events from the class's cluster; the page (to project)"
                    + " updates as they come. Ctrl-C ends it."
        })
public final class ClassWatchCommand implements Callable<Integer> {

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "The class's cluster (as for class create): each learner's progress comes from their own"
                    + " topic, which only they may write.")
    String bootstrapServer;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description =
                    "With --bootstrap-server: your admin settings for that cluster ('cluster up --secure' writes them).")
    Path commandConfig;

    @Option(
            names = "--class-server",
            paramLabel = "HOST:PORT",
            description = "Instead: a plain broker learners name with learn --class-server. Nobody logs in there, so a"
                    + " learner can publish in another's name: use it only where that does not matter.")
    String classServer;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8088",
            description = "The page's port on this machine (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--page-address",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Where the page listens (default: ${DEFAULT-VALUE}, this machine only). Another address, such"
                    + " as 0.0.0.0, lets the room's screens open it: its address then holds a secret, printed here.")
    String pageAddress;

    @Option(names = "--terminal", description = "Also draw the table here, redrawn every second.")
    boolean terminal;

    @Option(
            names = "--from-beginning",
            description = "With --class-server: rebuild the view from every event the class"
                    + " topic holds (a past session), not only from now on. On a class's cluster the view always starts from"
                    + " each learner's first event.")
    boolean fromBeginning;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Keep the learners' table in FILE as CSV, rewritten as it" + " changes, for your records.")
    Path csv;

    @Option(
            names = "--stuck-minutes",
            paramLabel = "N",
            defaultValue = "5",
            description = "Stuck: longer than N minutes on a step without passing it (default: ${DEFAULT-VALUE}),")
    int stuckMinutes;

    @Option(
            names = "--stuck-failures",
            paramLabel = "N",
            defaultValue = "3",
            description = "or N failed runs of its cell (default: ${DEFAULT-VALUE}).")
    int stuckFailures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Output output = Output.of(spec);
        if ((bootstrapServer == null) == (classServer == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Name the class's cluster with --bootstrap-server HOST:PORT"
                            + " --command-config FILE (your admin settings), or a plain broker with --class-server HOST:PORT; one of them.");
        }
        if (classServer != null && commandConfig != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--command-config goes with --bootstrap-server (a class's"
                            + " cluster); a plain --class-server takes no settings. Leave one of them out.");
        }
        if (bootstrapServer != null && commandConfig == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--bootstrap-server needs your admin settings for that"
                            + " cluster: add --command-config FILE ('streamlab cluster up --secure' wrote it).");
        }
        if (classServer != null && !classServer.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--class-server '" + classServer + "' is not HOST:PORT:"
                            + " give your Kafka broker, such as localhost:9092.");
        }
        if (port < 0 || port > 65535 || stuckMinutes < 1 || stuckFailures < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--port is 0 to 65535, --stuck-minutes and --stuck-failures" + " at least 1.");
        }
        if (csv != null
                && (csv.toAbsolutePath().getParent() == null
                        || !java.nio.file.Files.isDirectory(csv.toAbsolutePath().getParent()))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--csv " + csv + ": its folder does not exist; create it or"
                            + " name a file in an existing folder.");
        }
        ClassView.StuckRule rule = new ClassView.StuckRule(Duration.ofMinutes(stuckMinutes), stuckFailures);
        ClassWatch.Page page;
        try {
            page = ClassWatch.Page.on(java.net.InetAddress.getByName(pageAddress), port);
        } catch (java.net.UnknownHostException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--page-address '" + pageAddress + "' is not an address of"
                            + " this machine: give one such as 127.0.0.1 (this machine only) or 0.0.0.0 (every network).");
        }
        ClassWatch watch;
        String when = fromBeginning ? " from the beginning" : " from now on";
        if (bootstrapServer != null) {
            Map<String, Object> config = new HashMap<>(ExternalCluster.readClientProperties(commandConfig));
            config.put("bootstrap.servers", bootstrapServer);
            output.progress("Reading each learner's progress topic on " + bootstrapServer + ", from their first event");
            watch = ClassWatch.startOnClassCluster(config, page, rule, Clock.systemUTC());
        } else {
            output.progress("Reading the class topic on " + classServer + when + " (a plain broker: nobody logs in, so"
                    + " an event's name is only what its sender wrote)");
            watch = ClassWatch.start(
                    Map.of("bootstrap.servers", classServer), fromBeginning, page, rule, Clock.systemUTC());
        }
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    watch.close();
                    ended.countDown();
                },
                "class-watch-close");
        Runtime.getRuntime().addShutdownHook(hook);
        if (page.secret() != null) {
            output.progress("The page is open to anyone who has its whole address, secret included: show it on the"
                    + " projector, not the address.");
        }
        output.progress("The class view: " + watch.url() + " (Ctrl-C ends it)");
        boolean colour = output.styles().colour();
        long[] lastDraw = {0};
        String[] lastCsv = {""};
        watch.onView(view -> {
            if (csv != null) {
                String text = ClassTable.csv(view);
                if (!text.equals(lastCsv[0])) {
                    try {
                        AtomicFiles.write(csv, text);
                        lastCsv[0] = text;
                    } catch (IOException e) {
                        output.error("Cannot write " + csv + ": " + e.getMessage());
                    }
                }
            }
            if (terminal && System.nanoTime() - lastDraw[0] > 900_000_000L) {
                lastDraw[0] = System.nanoTime();
                // Home and clear on a terminal; elsewhere (a pipe) one table after the other.
                output.out().print((colour ? "\u001b[H\u001b[2J" : "\n") + ClassTable.text(view, 160));
                output.out().flush();
            }
        });
        ended.await();
        return ExitCode.OK;
    }
}
