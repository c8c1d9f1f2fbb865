package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import dev.streamlab.terminal.Styles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presenter's keys, scripted: forward, run, back, skip, quit; the code shown; the notes only in their file. */
class DemoPlayerTest {

    @TempDir
    Path dir;

    private final List<String> ran = new ArrayList<>();

    @Test
    void keysMoveThroughTheStepsAndRunCellsOnlyWhenAsked() throws Exception {
        Cell first = new Cell(Cell.Kind.JAVA, "createTopic(\"orders\", 3)", 10, List.of(), 0, List.of());
        Cell second = new Cell(Cell.Kind.COMMAND, "/log orders 0", 20, List.of(), 0, List.of());
        Lesson demo = new Lesson(
                "talk",
                "The talk",
                "talk.adoc",
                List.of(
                        new Step(List.of(paragraph("Welcome, everyone.")), null, List.of(paragraph("Smile."))),
                        new Step(List.of(paragraph("The log.")), first, List.of(paragraph("Three partitions."))),
                        new Step(List.of(paragraph("Look at it.")), second)));
        Deque<Integer> keys = new ArrayDeque<>(List.of(
                (int) '\r', // step 1 (prose only): next
                (int) 'x',
                (int) ' ', // step 2: show the code at once, run it
                (int) '\r', // next
                (int) 'x',
                (int) 'b', // step 3: back
                (int) 'x',
                (int) 'n', // step 2 again: skip without running
                (int) 'x',
                (int) 'q'));
        StringWriter screen = new StringWriter();
        Path notes = dir.resolve("notes.txt");

        int failures = new DemoPlayer(
                        this::run,
                        () -> {},
                        new SpeakerNotes(notes),
                        timeout -> keys.isEmpty() ? DemoPlayer.Keys.END : keys.poll(),
                        new PrintWriter(screen, true),
                        new Styles(false),
                        80)
                .play(demo);

        assertThat(failures).isZero();
        assertThat(ran).containsExactly("createTopic(\"orders\", 3)");
        assertThat(screen.toString())
                .contains("Welcome, everyone.")
                .contains("jshell> createTopic(\"orders\", 3)")
                .contains("Created topic orders")
                .contains("$ /log orders 0")
                .doesNotContain("Smile")
                .doesNotContain("Three partitions");
        assertThat(Files.readString(notes))
                .contains("Smile.")
                .contains("Three partitions.")
                .contains("== Step 3 of 3");
    }

    private CellResult run(Cell cell) {
        ran.add(cell.code());
        return new CellResult(
                cell, cell.code(), JavaOutcome.OK, "Created topic orders\n", null, List.of(), Duration.ofMillis(5));
    }

    private static Prose paragraph(String text) {
        return new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(Span.plain(text))));
    }
}
