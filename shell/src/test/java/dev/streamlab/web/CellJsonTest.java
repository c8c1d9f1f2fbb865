package dev.streamlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the page gets of a cell's result: verdicts in the lesson's words, a command's views as pictures. */
class CellJsonTest {

    private static final Cell CELL = new Cell(
            Cell.Kind.COMMAND,
            "/partitions orders",
            10,
            List.of(
                    Expectation.parse("topic orders has 3 partitions"),
                    Expectation.parse("output contains \"leader\"")),
            12,
            List.of());

    @Test
    void aCommandsViewsArePicturesAndEachCheckKeepsTheLessonsWords() {
        TopicView view = new TopicView(
                "orders",
                List.of(new TopicView.Broker(1, true), new TopicView.Broker(2, true)),
                List.of(new PartitionState("orders", 0, 1, List.of(1, 2), List.of(1, 2), 0, 3, 3)));
        CellResult result = new CellResult(
                CELL,
                CELL.code(),
                JavaOutcome.OK,
                "orders-0  leader 1\n",
                null,
                List.of(
                        new CellResult.Check(CELL.expect().get(0), true, ""),
                        new CellResult.Check(CELL.expect().get(1), false, "the output has no \"leader\"")),
                Duration.ofMillis(42),
                Drawing.of(List.of(view), Drawing.text("orders-0  leader 1\n")));

        JsonNode json = CellJson.of(result);

        assertThat(json.get("outcome").asText()).isEqualTo("ok");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("checks").get(0).get("text").asText()).isEqualTo("topic orders has 3 partitions");
        assertThat(json.get("checks").get(0).get("held").asBoolean()).isTrue();
        assertThat(json.get("checks").get(1).get("held").asBoolean()).isFalse();
        assertThat(json.get("checks").get(1).get("detail").asText()).isEqualTo("the output has no \"leader\"");
        assertThat(json.get("pictures")).hasSize(1);
        assertThat(json.get("pictures").get(0).asText())
                .startsWith("<svg")
                .contains("aria-label=\"Partitions of orders\"");
        assertThat(json.get("millis").asLong()).isEqualTo(42);
        assertThat(json.get("problem").isNull()).isTrue();
    }

    @Test
    void aRecordsWordsAreEscapedInItsPicture() {
        LogView log = new LogView(
                "orders",
                0,
                0,
                1,
                1,
                List.of(new LogView.Record(0, "<b>alice</b>", "<script>alert(1)</script>")),
                List.of());
        CellResult result = new CellResult(
                CELL,
                "/log orders 0",
                JavaOutcome.OK,
                "...\n",
                null,
                List.of(),
                Duration.ZERO,
                Drawing.of(List.of(log), Drawing.text("...\n")));

        String svg = CellJson.of(result).get("pictures").get(0).asText();

        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
    }

    @Test
    void aProblemIsKeptOnlyWhenItSaysMoreThanTheOutput() {
        Cell java = new Cell(Cell.Kind.JAVA, "int x = ", 1, List.of(), 0, List.of());
        CellResult same = new CellResult(
                java,
                "int x = ",
                JavaOutcome.COMPILE_ERROR,
                "reached end of file\n",
                "reached end of file",
                List.of(),
                Duration.ZERO);
        CellResult more = new CellResult(
                java,
                "int x = ",
                JavaOutcome.COMPILE_ERROR,
                "reached end of file\n",
                "The code is not finished: add a value and a ;",
                List.of(),
                Duration.ZERO);

        assertThat(CellJson.of(same).get("problem").isNull()).isTrue();
        assertThat(CellJson.of(more).get("problem").asText())
                .isEqualTo("The code is not finished: add a value and a ;");
        assertThat(CellJson.of(more).get("outcome").asText()).isEqualTo("compile_error");
        assertThat(CellJson.of(more).get("passed").asBoolean()).isFalse();
    }
}
