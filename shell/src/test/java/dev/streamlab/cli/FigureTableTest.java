package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.bench.Figure;
import dev.streamlab.golden.GoldenFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table {@code streamlab bench} prints, from fixed figures (the real benchmark takes minutes): medians, every run,
 * targets, references, ratios and verdicts, aligned in columns.
 */
class FigureTableTest {

    private static final List<Figure> FIGURES = List.of(
            Figure.of("3-broker embedded cluster ready", "s", List.of(2.61, 2.41, 2.52), 3.0)
                    .against("KafkaClusterTestKit 4.3.1", List.of(3.30, 3.28, 3.41)),
            Figure.of("new leader after a hard kill", "s", List.of(1.2, 1.1, 1.3), 2.0),
            Figure.of("streamlab doctor peak RSS", "MB", List.of(612.0, 655.0, 640.0), 1024),
            Figure.of("first output of a Java cell", "ms", List.of(4800.0, 5210.0, 5900.0), 5000),
            Figure.atLeast(
                    "fraud detector throughput (3 brokers)", "records/s", List.of(61234.0, 58000.0, 64000.0), 50_000),
            Figure.of("records lost in the docker kill drill", "records", List.of(0.0, 0.0, 0.0), 0));

    @Test
    void theBenchTableShowsEveryFigureInAlignedColumns() {
        List<String> lines = new FigureTable(FIGURES, 3).lines();

        assertThat(lines).anyMatch(l -> l.startsWith("first output of a Java cell") && l.endsWith("MISSED"));
        GoldenFile.exact().assertMatches("cli/bench-table.txt", String.join("\n", lines));
    }

    @Test
    void oneRunSaysRunNotRuns() {
        List<String> lines =
                new FigureTable(List.of(Figure.of("new leader after a hard kill", "s", List.of(1.4), 2.0)), 1).lines();

        GoldenFile.exact().assertMatches("cli/bench-table-one-run.txt", String.join("\n", lines));
    }

    @Test
    void aRunThatCouldNotMeasureIsSkippedAndAFigureWithNoneSaysSo() {
        Figure some = Figure.of("the class view's heap", "MB", List.of(Double.NaN, 40.0, 50.0), 64);
        Figure none = Figure.of("the class view's heap", "MB", List.of(Double.NaN), 64);

        assertThat(some.median()).isEqualTo(45.0);
        assertThat(new FigureTable(List.of(some), 3).lines().get(2))
                .contains("n/a 40.00 50.00")
                .endsWith("ok");
        assertThat(new FigureTable(List.of(none), 1).lines().get(2))
                .startsWith("the class view's heap  n/a MB")
                .endsWith("NOT MEASURED");
    }
}
