package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.View;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Hint;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.lesson.Step;
import dev.streamlab.present.SlidePlan.Code;
import dev.streamlab.present.SlidePlan.Image;
import dev.streamlab.present.SlidePlan.Output;
import dev.streamlab.present.SlidePlan.Picture;
import dev.streamlab.present.SlidePlan.Slide;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a lesson is cut into slides: what an audience sees, and what stays in the presenter's notes. */
class SlidePlanTest {

    private static final String LONG_PARAGRAPH =
            "Alice places three orders. " + "Every word here is prose the presenter says aloud. ".repeat(6);

    @Test
    void aStepShowsItsHeadingFirstSentenceCodeAndOutputSideBySideAndTheRestGoesToTheNotes() {
        Cell cell = java(10, "createTopic(\"orders\", 3)");
        Lesson lesson = lesson(new Step(
                List.of(heading("A topic is a log"), paragraph(LONG_PARAGRAPH)),
                cell,
                List.of(paragraph("Point at the offsets."))));
        List<Slide> slides = SlidePlan.of(lesson, recorded(Map.of(10, shown("$1 ==> \"Created topic orders\""))));

        assertThat(slides).hasSize(2);
        assertThat(slides.get(0).title()).isTrue();
        Slide step = slides.get(1);
        assertThat(step.heading()).isEqualTo("A topic is a log");
        assertThat(text(step.text())).isEqualTo("Alice places three orders.");
        assertThat(step.sideBySide()).isTrue();
        assertThat(step.body())
                .containsExactly(
                        new Code("createTopic(\"orders\", 3)", "java", false),
                        new Output("$1 ==> \"Created topic orders\""));
        assertThat(text(step.notes())).contains(LONG_PARAGRAPH.strip()).contains("Point at the offsets.");
        assertThat(step.words()).isLessThanOrEqualTo(SlidePlan.MAX_WORDS);
    }

    @Test
    void whatTheAuthorMarkedForTheSlideWinsOverTheFirstSentence() {
        Prose marked = paragraph("Same key, same partition.").markedForSlide(true);
        Lesson lesson = lesson(
                new Step(List.of(heading("Keys"), paragraph(LONG_PARAGRAPH), marked), java(5, "1 + 1"), List.of()));
        assertThat(text(SlidePlan.of(lesson, Recording.none("off")).get(1).text()))
                .isEqualTo("Same key, same partition.");
    }

    @Test
    void aFirstSentenceTooLongForASlideStaysInTheNotes() {
        String rambling = "This sentence goes on " + "and on ".repeat(30) + "until it ends. Short one.";
        Lesson lesson = lesson(new Step(List.of(heading("Long"), paragraph(rambling)), java(5, "1 + 1"), List.of()));
        Slide slide = SlidePlan.of(lesson, Recording.none("off")).get(1);
        assertThat(slide.text()).isEmpty();
        assertThat(text(slide.notes())).contains("until it ends");
    }

    @Test
    void aLongOutputGoesBelowTheCodeOrOnASlideOfItsOwnCutToFit() {
        String output = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "line " + i + " " + "x".repeat(120))
                .collect(Collectors.joining("\n"));
        Lesson oneLiner = lesson(new Step(
                List.of(heading("Many lines")),
                java(7, "for (int i = 0; i < 40; i++) System.out.println(i);"),
                List.of()));
        List<Slide> stacked = SlidePlan.of(oneLiner, recorded(Map.of(7, shown(output))));
        assertThat(stacked).hasSize(2);
        assertThat(stacked.get(1).sideBySide()).isFalse();
        assertThat(stacked.get(1).body()).hasSize(2);

        String code = "int n = 40;\nfor (int i = 0; i < n; i++) {\n    System.out.println(i);\n}\n// and more\nn";
        Lesson lesson = lesson(new Step(List.of(heading("Many lines")), java(7, code), List.of()));
        List<Slide> slides = SlidePlan.of(lesson, recorded(Map.of(7, shown(output))));

        assertThat(slides).hasSize(3);
        assertThat(slides.get(1).body()).singleElement().isInstanceOf(Code.class);
        Slide result = slides.get(2);
        assertThat(result.heading()).isEqualTo("Many lines: the result");
        String shown = ((Output) result.body().get(0)).text();
        // A result alone on its slide has the whole slide's room.
        assertThat(shown.lines()).hasSize(SlidePlan.RESULT_LINES);
        assertThat(shown.lines().allMatch(l -> l.length() <= SlidePlan.LINE_WIDTH))
                .isTrue();
        assertThat(shown)
                .startsWith("line 1 ")
                .contains("\n… (23 more lines)\nline 28 ")
                .endsWith("x…");
    }

    @Test
    void codeLongerThanASlideIsSplitAtABlankLine() {
        String code = IntStream.rangeClosed(1, 12)
                        .mapToObj(i -> "int a" + i + " = " + i + ";")
                        .collect(Collectors.joining("\n"))
                + "\n\n"
                + IntStream.rangeClosed(13, 30)
                        .mapToObj(i -> "int a" + i + " = " + i + ";")
                        .collect(Collectors.joining("\n"));
        Lesson lesson = lesson(new Step(List.of(heading("Big cell")), java(3, code), List.of()));
        List<Slide> slides = SlidePlan.of(lesson, Recording.none("off"));

        List<String> parts = slides.stream()
                .skip(1)
                .map(s -> ((Code) s.body().get(0)).code())
                .toList();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).endsWith("int a12 = 12;");
        assertThat(String.join("\n", parts).lines().filter(l -> !l.isBlank()).count())
                .isEqualTo(30);
        assertThat(parts).allMatch(p -> p.lines().count() <= SlidePlan.CODE_LINES);
        assertThat(slides.get(2).heading()).isEqualTo("Big cell (continued)");
    }

    @Test
    void aCommandThatShowedStateBecomesItsPictureAndManyPicturesShareSlidesTwoByTwo() {
        List<View> logs = List.of(log(0), log(1), log(2));
        Lesson lesson = lesson(new Step(List.of(heading("Where records went")), command(4, "/log orders"), List.of()));
        List<Slide> slides = SlidePlan.of(lesson, recorded(Map.of(4, new Recording.Shown("text", true, null, logs))));

        assertThat(slides).hasSize(3);
        assertThat(slides.get(1).body())
                .containsExactly(
                        new Code("/log orders", "plaintext", true), new Picture(logs.get(0)), new Picture(logs.get(1)));
        assertThat(slides.get(2).body()).containsExactly(new Picture(logs.get(2)));
        assertThat(slides.get(2).heading()).isEqualTo("Where records went (continued)");
    }

    @Test
    void withoutARehearsalTheDeckShowsCodeOnlyAndSaysWhy() {
        Lesson lesson = lesson(new Step(List.of(heading("Keys")), command(4, "/partitions orders"), List.of()));
        List<Slide> slides = SlidePlan.of(lesson, Recording.none("no cluster could be started."));
        assertThat(text(slides.get(0).notes())).contains("code only").contains("no cluster could be started.");
        assertThat(slides.get(1).body()).containsExactly(new Code("/partitions orders", "plaintext", true));
    }

    @Test
    void aSectionWithoutACellAShownQueryAndAPictureEachGetASlide() {
        Prose picture = new Prose(
                Prose.Kind.PICTURE, 0, "pictures/before.svg", List.of(List.of(Span.plain("Before and after"))));
        Prose sql = new Prose(Prose.Kind.CODE, 0, "sql", List.of(List.of(Span.plain("SELECT card_number, count(*)"))));
        Lesson lesson = lesson(
                new Step(
                        List.of(
                                paragraph("A company is built on data flows."),
                                picture,
                                heading("The log"),
                                paragraph("Kafka has the log.")),
                        java(9, "1 + 1"),
                        List.of()),
                new Step(List.of(heading("Fraud"), paragraph("The query asks this:"), sql), null, List.of()));
        List<Slide> slides = SlidePlan.of(lesson, Recording.none("off"));

        assertThat(slides).extracting(Slide::heading).containsExactly("Lesson", "Lesson", "The log", "Fraud");
        assertThat(slides.get(1).body()).containsExactly(new Image("pictures/before.svg", "Before and after"));
        assertThat(text(slides.get(1).text())).isEqualTo("A company is built on data flows.");
        assertThat(slides.get(3).body()).containsExactly(new Code("SELECT card_number, count(*)", "sql", false));
        assertThat(text(slides.get(3).text())).isEqualTo("The query asks this:");
    }

    @Test
    void aCellThatFailedInTheRehearsalSaysSoInTheNotesAndHintsAreThereToo() {
        Cell cell = java(12, "consumer.poll()").withHint(new Hint(List.of(paragraph("Subscribe first."))));
        Lesson lesson = lesson(new Step(List.of(heading("Reading")), cell, List.of()));
        List<Slide> slides = SlidePlan.of(
                lesson,
                recorded(Map.of(
                        12,
                        new Recording.Shown("IllegalStateException", false, "Consumer is not subscribed", List.of()))));
        assertThat(slides.get(1).problem()).contains("did not pass").contains("Consumer is not subscribed");
        assertThat(text(slides.get(1).notes())).contains("Subscribe first.");
    }

    @Test
    void theSentenceEndsAtAFullStopOutsideCodeAndKeepsItsStyles() {
        Prose p = new Prose(
                Prose.Kind.PARAGRAPH,
                0,
                "",
                List.of(List.of(
                        Span.plain("Call "),
                        new Span(Span.Style.CODE, "send(...). Then"),
                        Span.plain(" it answers.\nMore follows."))));
        List<Prose> first = SlidePlan.firstSentence(p);
        assertThat(first.get(0).lines().get(0))
                .containsExactly(
                        Span.plain("Call "), new Span(Span.Style.CODE, "send(...). Then"), Span.plain(" it answers."));
    }

    @Test
    void jshellsDeclarationLinesAreLeftOffASlideButTheConclusionStays() {
        String output = "created variable manifest : FraudManifest\ncreated variable found : TreeSet<String>\n"
                + IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> "possible_fraud: card " + i)
                        .collect(Collectors.joining("\n"))
                + "\nplanted: 20, found: 20, exactly the planted: true";
        String shown = SlidePlan.trim(output);
        assertThat(shown)
                .doesNotContain("created variable")
                .startsWith("possible_fraud: card 1\n")
                .endsWith("planted: 20, found: 20, exactly the planted: true");
        assertThat(SlidePlan.trim("created method f()")).isEqualTo("created method f()");
    }

    @Test
    void aLongCellThatOnlyDeclaredThingsGetsNoResultSlide() {
        String code = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "var v" + i + " = " + i + ";")
                .collect(Collectors.joining("\n"));
        String output = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "created variable v" + i + " : int")
                .collect(Collectors.joining("\n"));
        Lesson lesson = lesson(new Step(List.of(heading("Setup")), java(3, code), List.of()));
        List<Slide> slides = SlidePlan.of(lesson, recorded(Map.of(3, shown(output))));
        assertThat(slides).extracting(Slide::heading).containsExactly("Lesson", "Setup", "Setup (continued)");
    }

    @Test
    void aRemarkAfterACellGoesToThatCellsNotesAndARecapShowsItsList() {
        Prose note = new Prose(
                Prose.Kind.ADMONITION, 0, "NOTE", List.of(List.of(Span.plain("Producers are sticky today."))));
        Prose list = new Prose(
                Prose.Kind.LIST,
                0,
                "*",
                List.of(List.of(Span.plain("a topic is a log")), List.of(Span.plain("keys keep order"))));
        Lesson lesson = lesson(
                new Step(List.of(heading("Round robin"), paragraph("Records spread.")), java(4, "send()"), List.of()),
                new Step(List.of(note, heading("What you learned"), list), null, List.of()));
        List<Slide> slides = SlidePlan.of(lesson, Recording.none("off"));

        assertThat(slides).extracting(Slide::heading).containsExactly("Lesson", "Round robin", "What you learned");
        assertThat(text(slides.get(1).notes())).contains("Producers are sticky today.");
        assertThat(slides.get(2).text()).containsExactly(list);
    }

    @Test
    void aRecapTooLongForASlideShowsTheItemsThatFitAndGroupTablesShareASlideFourByFour() {
        List<List<Span>> items = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> List.of(Span.plain("point number " + i + " of what this lesson taught you")))
                .toList();
        Prose list = new Prose(Prose.Kind.LIST, 0, "*", items);
        List<View> groups = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> (View) new dev.streamlab.diagram.GroupView("g" + i, "active", List.of(), List.of()))
                .toList();
        Lesson lesson = lesson(
                new Step(List.of(heading("Groups")), command(3, "/groups"), List.of()),
                new Step(List.of(heading("What you learned"), list), null, List.of()));
        List<Slide> slides = SlidePlan.of(lesson, recorded(Map.of(3, new Recording.Shown("text", true, null, groups))));

        assertThat(slides.get(1).body()).hasSize(1 + 4);
        assertThat(slides.get(2).body()).containsExactly(new Picture(groups.get(4)));
        Slide recap = slides.get(3);
        assertThat(recap.words()).isLessThanOrEqualTo(SlidePlan.MAX_WORDS);
        assertThat(recap.text())
                .singleElement()
                .satisfies(p -> assertThat(p.lines()).isNotEmpty().hasSizeLessThan(12));
        assertThat(text(recap.notes())).contains("point number 12");
    }

    private static Lesson lesson(Step... steps) {
        return new Lesson("99-test", "Lesson", "lessons/99-test.adoc", List.of(steps));
    }

    private static Prose heading(String text) {
        return new Prose(Prose.Kind.HEADING, 1, "", List.of(List.of(Span.plain(text))));
    }

    private static Prose paragraph(String text) {
        return new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(Span.plain(text))));
    }

    private static Cell java(int line, String code) {
        return new Cell(Cell.Kind.JAVA, code, line, List.of(), 0, List.of());
    }

    private static Cell command(int line, String code) {
        return new Cell(Cell.Kind.COMMAND, code, line, List.of(), 0, List.of());
    }

    private static Recording recorded(Map<Integer, Recording.Shown> cells) {
        return new Recording(null, cells);
    }

    private static Recording.Shown shown(String output) {
        return new Recording.Shown(output, true, null, List.of());
    }

    private static LogView log(int partition) {
        return new LogView("orders", partition, 0, 3, 3);
    }

    private static String text(List<Prose> prose) {
        List<String> texts = new ArrayList<>();
        prose.forEach(p -> texts.add(p.plainText()));
        return String.join("\n", texts);
    }
}
