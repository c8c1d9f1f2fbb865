package dev.streamlab.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.LogView.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The slides' pictures: the values of the view are in them, and nothing is drawn outside the picture. */
class PicturesSvgTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern TEXT = Pattern.compile(
            "<text x=\"(\\d+)\" y=\"(\\d+)\" text-anchor=\"(start|middle|end)\" class=\"[^\"]*\">([^<]*)</text>");

    @Test
    void theLogStripShowsOldOnTheLeftTheRecordsAndWhereEachReaderIs() {
        List<Record> records = new ArrayList<>();
        String[] pages = {"/home", "/menu", "/coffee", "/tea", "/cart", "/checkout", "/home", "/about", "/menu", "/cart"
        };
        for (int i = 0; i < pages.length; i++) {
            records.add(new Record(i, "visitor-" + (i % 4), pages[i]));
        }
        LogView log = new LogView(
                "page-views",
                0,
                0,
                10,
                10,
                records,
                List.of(new Position("ricardo", 3), new Position("robin", 6), new Position("viktor", 10)));
        String svg = new LogStripSvg().render(log);

        assertThat(svg)
                .contains(">page-views, partition 0<")
                .contains("old on the left, new on the right")
                .contains(">ricardo is here<")
                .contains(">robin is here<")
                .contains(">viktor is here<")
                .contains(">log end: the next record<")
                .contains(">/checkout<")
                .contains(">visitor-3<");
        assertThat(xOf(svg, "0")).isLessThan(xOf(svg, "9"));
        assertInside(svg);
    }

    @Test
    void aLongLogKeepsItsEndsAndTheOffsetsAroundEachReader() {
        LogView log = new LogView("orders", 2, 100, 5000, 5000, List.of(), List.of(new Position("auditor", 2500)));
        String svg = new LogStripSvg().render(log);

        assertThat(svg)
                .contains(">100<")
                .contains(">2500<")
                .contains(">4999<")
                .contains(">…<")
                .doesNotContain(">1000<")
                .contains(">auditor is here<");
        assertThat(LogStripSvg.cells(log)).hasSizeLessThanOrEqualTo(12);
        assertInside(svg);
    }

    @Test
    void thePartitionMapCrossesOutADeadBrokerAndNamesTheNewLeader() {
        TopicView view = new TopicView(
                "payments",
                List.of(new TopicView.Broker(1, false), new TopicView.Broker(2, true), new TopicView.Broker(3, true)),
                List.of(new PartitionState("payments", 0, 2, List.of(1, 2, 3), List.of(2, 3), 1, 10, 10)));
        String svg = new PartitionMapSvg().render(view);

        assertThat(svg)
                .contains(">broker 1 (down)<")
                .contains("class=\"cross\"")
                .contains("<title>payments-0 on broker 2: leader</title>")
                .contains("<title>payments-0 on broker 3: follower</title>")
                .contains("<title>payments-0 on broker 1: down</title>");
        assertInside(svg);
    }

    @Test
    void keysAndValuesThatLookLikeMarkupAreShownNotApplied() {
        LogView log = new LogView("t", 0, 0, 1, 1, List.of(new Record(0, "<b>", "a&b\"")), List.of());
        assertThat(new LogStripSvg().render(log))
                .contains(">&lt;b&gt;<")
                .contains(">a&amp;b&quot;<")
                .doesNotContain("<b>");
    }

    private static int xOf(String svg, String text) {
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            if (m.group(4).equals(text)) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no text " + text);
    }

    /** Every label's estimated extent is inside the picture (about 11.5 pixels a character). */
    private static void assertInside(String svg) {
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            double length = m.group(4).length() * 11.5;
            double from = switch (m.group(3)) {
                case "start" -> x;
                case "middle" -> x - length / 2;
                default -> x - length;
            };
            assertThat(from).as("left of " + m.group(4)).isGreaterThanOrEqualTo(0);
            assertThat(from + length).as("right of " + m.group(4)).isLessThanOrEqualTo(width);
            assertThat(y).as("height of " + m.group(4)).isLessThanOrEqualTo(height);
        }
    }
}
