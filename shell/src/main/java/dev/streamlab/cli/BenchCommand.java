package dev.streamlab.cli;

import dev.streamlab.bench.BenchContext;
import dev.streamlab.bench.Benchmark;
import dev.streamlab.bench.ClassBenchmark;
import dev.streamlab.bench.ClassViewBenchmark;
import dev.streamlab.bench.ClusterBenchmark;
import dev.streamlab.bench.ConnectBenchmark;
import dev.streamlab.bench.ContainersBenchmark;
import dev.streamlab.bench.DeckBenchmark;
import dev.streamlab.bench.Figure;
import dev.streamlab.bench.GradingBenchmark;
import dev.streamlab.bench.KitBenchmark;
import dev.streamlab.bench.NotebookBenchmark;
import dev.streamlab.bench.SqlBenchmark;
import dev.streamlab.bench.StreamsBenchmark;
import dev.streamlab.files.ProjectRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlab bench}: the project's speed and memory targets, measured here and now. */
@Command(
        name = "bench",
        description = {
            "Measure streamlab's speed and memory targets on this machine.",
            "Prints each figure as the median of several runs, with its target and a ratio against its reference."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs per figure (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            description = "Only the benchmarks whose name contains NAME (e.g. cluster, connect, streams, sql).")
    String only;

    @Option(
            names = "--learners",
            paramLabel = "N",
            defaultValue = "" + ClassBenchmark.DEFAULT_LEARNERS,
            description =
                    "Learners of the simulated class (default: ${DEFAULT-VALUE}; the targets speak of 30, and 100"
                            + " in a longer run). They are simulated as Kafka traffic; two real learners have a Java session each.")
    int learners;

    @Spec
    CommandSpec spec;

    static List<Benchmark> benchmarks() {
        return benchmarks(ClassBenchmark.DEFAULT_LEARNERS);
    }

    static List<Benchmark> benchmarks(int learners) {
        return List.of(
                new ClusterBenchmark(),
                new NotebookBenchmark(),
                new ConnectBenchmark(),
                new StreamsBenchmark(),
                new SqlBenchmark(),
                new GradingBenchmark(),
                new ContainersBenchmark(),
                new DeckBenchmark(),
                new ClassBenchmark(learners),
                new KitBenchmark(),
                new ClassViewBenchmark());
    }

    @Override
    public Integer call() throws Exception {
        Output output = Output.of(spec);
        if (learners < 2) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--learners must be 2 or more, not " + learners + ".");
        }
        BenchContext context = new BenchContext(Math.max(1, runs), output::progress, ProjectRoot.find());
        List<Figure> figures = new ArrayList<>();
        for (Benchmark benchmark : benchmarks(learners)) {
            if (only != null
                    && !benchmark
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(only.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            output.progress("Measuring: " + benchmark.name());
            figures.addAll(benchmark.run(context));
        }
        new FigureTable(figures, context.runs()).lines().forEach(output::result);
        return figures.stream().allMatch(Figure::meetsTarget) ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
