package dev.streamlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson format: what a good lesson becomes, and where a bad one is wrong (file and line). */
class LessonParserTest {

    private static LessonParser parser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAsciidoctor() {
        parser = new LessonParser();
    }

    @AfterAll
    static void stopAsciidoctor() {
        parser.close();
    }

    private Lesson parse(String adoc) throws IOException {
        Path file = dir.resolve("42-sample.adoc");
        Files.writeString(file, adoc);
        return parser.parse(file, "lessons/42-sample.adoc");
    }

    @Test
    void proseCellsExpectationsAndHintsBecomeSteps() throws IOException {
        Lesson lesson = parse("""
                = A *sample*

                Some *bold* and `code`.

                == First

                [source,java]
                ----
                int x = 1; // <1>
                ----

                [expect]
                ----
                output contains "x ==> 1"
                topic orders has 3 partitions within 30s
                ----

                [hint]
                ====
                Press _Enter_.
                ====

                [command]
                ----
                /topics
                ----

                TIP: The end.
                """);

        assertThat(lesson.id()).isEqualTo("42-sample");
        assertThat(lesson.number()).isEqualTo("42");
        assertThat(lesson.shortName()).isEqualTo("sample");
        assertThat(lesson.title()).isEqualTo("A sample");
        assertThat(lesson.steps()).hasSize(3);

        Step first = lesson.steps().get(0);
        assertThat(first.prose().get(0).lines().get(0))
                .containsExactly(
                        Span.plain("Some "),
                        new Span(Span.Style.STRONG, "bold"),
                        Span.plain(" and "),
                        new Span(Span.Style.CODE, "code"),
                        Span.plain("."));
        assertThat(first.prose().get(1).kind()).isEqualTo(Prose.Kind.HEADING);
        Cell cell = first.cell();
        assertThat(cell.kind()).isEqualTo(Cell.Kind.JAVA);
        assertThat(cell.code()).isEqualTo("int x = 1;");
        assertThat(cell.line()).isEqualTo(8);
        assertThat(cell.expect())
                .containsExactly(
                        new Expectation.OutputContains("output contains \"x ==> 1\"", "x ==> 1"),
                        new Expectation.TopicPartitions(
                                "topic orders has 3 partitions within 30s", "orders", 3, Duration.ofSeconds(30)));
        assertThat(cell.hints())
                .singleElement()
                .extracting(h -> h.prose().get(0).plainText())
                .isEqualTo("Press Enter.");

        assertThat(lesson.steps().get(1).cell().kind()).isEqualTo(Cell.Kind.COMMAND);
        assertThat(lesson.steps().get(1).cell().code()).isEqualTo("/topics");
        Prose tip = lesson.steps().get(2).prose().get(0);
        assertThat(tip.kind()).isEqualTo(Prose.Kind.ADMONITION);
        assertThat(tip.label()).isEqualTo("TIP");
    }

    @Test
    void speakerNotesBelongToTheirStepAndNeverReachTheProse() throws IOException {
        Lesson lesson = parse("""
                = Sample
                :reset-topics: orders, fraud-*
                :reset-groups: reader

                == First

                Shown to everyone.

                [.notes]
                --
                Say something *clever*.
                --

                [source,java]
                ----
                int x = 1;
                ----
                """);

        assertThat(lesson.steps()).hasSize(1);
        assertThat(lesson.steps().get(0).prose())
                .extracting(Prose::plainText)
                .containsExactly("First", "Shown to everyone.");
        assertThat(lesson.steps().get(0).notes()).extracting(Prose::plainText).containsExactly("Say something clever.");
        assertThat(lesson.resetTopics()).containsExactly("orders", "fraud-*");
        assertThat(lesson.resetGroups()).containsExactly("reader");
    }

    @Test
    void anUnknownBlockStyleNamesFileAndLine() {
        assertThatThrownBy(() -> parse("""
                = Sample

                [frobnicate]
                ----
                what
                ----
                """))
                .isInstanceOf(LessonFormatException.class)
                .hasMessageStartingWith("lessons/42-sample.adoc:4: unknown block style [frobnicate]");
    }

    @Test
    void anUnbalancedBlockNamesFileAndLine() {
        assertThatThrownBy(() -> parse("""
                = Sample

                [source,java]
                ----
                int x = 1;
                """))
                .isInstanceOf(LessonFormatException.class)
                .hasMessage("lessons/42-sample.adoc:4: unterminated listing block");
    }

    @Test
    void aBrokenExpectationNamesFileAndLine() {
        assertThatThrownBy(() -> parse("""
                = Sample

                [source,java]
                ----
                int x = 1;
                ----

                [expect]
                ----
                output contains "x"
                output resembles "x"
                ----
                """))
                .isInstanceOf(LessonFormatException.class)
                .hasMessageStartingWith(
                        "lessons/42-sample.adoc:11: cannot read the expectation `output resembles \"x\"`");
    }

    @Test
    void anExpectationMustFollowItsCell() {
        assertThatThrownBy(() -> parse("""
                = Sample

                Just prose.

                [expect]
                ----
                output contains "x"
                ----
                """))
                .isInstanceOf(LessonFormatException.class)
                .hasMessageStartingWith("lessons/42-sample.adoc:6: an [expect] block must come right after the cell");
    }

    @Test
    void javaThatIsOnlyShownIsNotACell() throws IOException {
        Lesson lesson = parse("""
                = Sample

                [source%norun,java]
                ----
                config.put("acks", "all");
                ----
                """);
        assertThat(lesson.cells()).isEmpty();
        assertThat(lesson.steps().get(0).prose().get(0).kind()).isEqualTo(Prose.Kind.CODE);
    }

    @Test
    void aBlockMarkedForTheSlideAndAPictureKeepWhatTheDeckNeeds() throws IOException {
        Lesson lesson = parse("""
                = Sample

                The log keeps order.

                [.slide]
                Same key, same partition.

                image::pictures/before.svg[Before and after]

                [source,java]
                ----
                1 + 1
                ----
                """);
        List<Prose> prose = lesson.steps().get(0).prose();
        assertThat(prose).extracting(Prose::onSlide).containsExactly(false, true, false);
        assertThat(prose.get(2).kind()).isEqualTo(Prose.Kind.PICTURE);
        assertThat(prose.get(2).label()).isEqualTo("pictures/before.svg");
        assertThat(prose.get(2).plainText()).isEqualTo("Before and after");
    }
}
