package dev.streamlab.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.LogView.Record;
import dev.streamlab.terminal.Styles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStripTest {

    private static final LogStrip PLAIN = new LogStrip(Style.plain());

    private static final LogView THREE_READERS = new LogView("orders", 0, 0, 10, 10)
            .withPositions(List.of(new Position("ricardo", 2), new Position("robin", 5), new Position("viktor", 10)));

    @Test
    void threeReadersEachHaveTheirOwnPosition() {
        check("log-three-readers", THREE_READERS);
    }

    @Test
    void anEmptyLogShowsWhereTheFirstRecordWillGo() {
        check("log-empty", new LogView("orders", 0, 0, 0, 0).withPositions(List.of(new Position("ricardo", 0))));
    }

    @Test
    void oneRecord() {
        check("log-one-record", new LogView("orders", 0, 0, 1, 1));
    }

    @Test
    void tenThousandRecordsKeepTheStartTheEndAndAroundEachArrow() {
        LogView log = new LogView("page-views", 3, 0, 10_000, 10_000)
                .withPositions(List.of(
                        new Position("ricardo", 1_234), new Position("robin", 5_000), new Position("viktor", 9_990)));

        String diagram = PLAIN.render(log);

        check("log-ten-thousand", log);
        assertThat(diagram)
                .contains("…", " 0 ", " 9999 ", " 1234 ", " 5000 ", " 9990 ")
                .doesNotContain(" 7000 ");
    }

    @Test
    void recordsNotYetReplicatedAreAfterTheHighWatermark() {
        check(
                "log-high-watermark-behind",
                new LogView("payments", 1, 0, 6, 8).withPositions(List.of(new Position("robin", 6))));
    }

    @Test
    void keysAndValuesShowInsideTheBoxes() {
        LogView log = new LogView("orders", 0, 0, 5, 5)
                .withRecords(List.of(
                        new Record(0, "ab123", "coffee"),
                        new Record(1, null, "tea"),
                        new Record(2, "ab123", "espresso machine"),
                        new Record(3, "cd456", "milk"),
                        new Record(4, "ab123", "sugar")))
                .withPositions(List.of(new Position("ricardo", 3)));
        check("log-keys-and-values", log);
        assertThat(PLAIN.render(log)).contains("espress…").doesNotContain("espresso machine");
    }

    @Test
    void deletedRecordsAreSaid() {
        check(
                "log-start-after-retention",
                new LogView("orders", 0, 40, 47, 47)
                        .withPositions(List.of(
                                new Position("ricardo", 12), new Position("robin", 45), new Position("viktor", 45))));
    }

    @Test
    void withoutALeaderTheHighWatermarkIsNotDrawn() {
        String diagram = PLAIN.render(new LogView("payments", 0, 0, -1, 4));

        assertThat(diagram).contains(" 3 ", "log end").doesNotContain("high watermark");
    }

    @Test
    void aPositionPastTheLogEndIsSaid() {
        String diagram =
                PLAIN.render(new LogView("orders", 0, 0, 4, 4).withPositions(List.of(new Position("robin", 9))));

        assertThat(diagram).contains("robin is at 9, past the log end");
    }

    @Test
    void aLongLabelNearTheRightEdgeGoesLeftOfItsArrow() {
        List<Position> positions = List.of(new Position("a-group-with-a-rather-long-name", 38));
        String diagram = PLAIN.render(new LogView("orders", 0, 0, 40, 40).withPositions(positions));
        assertThat(diagram).contains("a-group-with-a-rather-long-name is here ↑");
        assertFitsIn80Columns(diagram);
    }

    @Test
    void colourOnlyAddsEscapeCodes() {
        String coloured = new LogStrip(new Styles(true).diagramStyle()).render(THREE_READERS);

        check("log-three-readers-colour", new LogStrip(new Styles(true).diagramStyle()), THREE_READERS);
        assertThat(coloured).contains("\u001B[");
        assertThat(stripAnsi(coloured)).isEqualTo(PLAIN.render(THREE_READERS));
    }

    @Test
    void noColourWhenAnsiIsOff() {
        String output = new LogStrip(new Styles(false).diagramStyle()).render(THREE_READERS);
        assertThat(output).doesNotContain("\u001B[").isEqualTo(PLAIN.render(THREE_READERS));
    }

    @Test
    void everySizeFitsIn80Columns() {
        for (long end : new long[] {0, 1, 9, 10, 11, 20, 30, 99, 100, 1_000, 123_456, 98_765_432_100L}) {
            List<Position> positions = new ArrayList<>();
            positions.add(new Position("ricardo", end / 3));
            positions.add(new Position("robin", end / 2));
            positions.add(new Position("viktor", end));
            String diagram = PLAIN.render(new LogView("t", 0, 0, end, end).withPositions(positions));
            assertFitsIn80Columns(diagram);
            assertThat(diagram).contains("ricardo", "robin", "viktor", "log end");
        }
    }

    static void assertFitsIn80Columns(String diagram) {
        assertThat(diagram.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    static String stripAnsi(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "");
    }

    private static void check(String name, LogView log) {
        check(name, PLAIN, log);
    }

    private static void check(String name, LogStrip strip, LogView log) {
        String diagram = strip.render(log);
        assertFitsIn80Columns(stripAnsi(diagram));
        Golden.assertMatches(name, diagram);
    }
}
