package dev.streamlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.lesson.LessonCursor.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner's place in a lesson, moved as the learning loop moves it, with no terminal. */
class LessonCursorTest {

    private static final Hint FIRST = hint("Add them.");
    private static final Hint SECOND = hint("40 + 2.");
    private static final Cell EXERCISE =
            new Cell(Cell.Kind.JAVA, "int answer = 40 + 2;", 10, List.of(), 0, List.of(FIRST, SECOND));
    private static final Cell COMMAND = new Cell(Cell.Kind.COMMAND, "/brokers", 20, List.of(), 0, List.of());
    private static final Lesson LESSON = new Lesson(
            "09-test",
            "A test",
            "lessons/09-test.adoc",
            List.of(new Step(List.of(), EXERCISE), new Step(List.of(), null), new Step(List.of(), COMMAND)));

    @Test
    void aStepWithACellOffersItAsWrittenAndTypingReplacesIt() {
        LessonCursor cursor = new LessonCursor(LESSON, 0);

        assertThat(cursor.state()).isEqualTo(State.OFFERED);
        assertThat(cursor.offer()).contains("int answer = 40 + 2;");
        assertThat(cursor.offersTheLessonsCode()).isTrue();
        assertThat(cursor.enterGoesOn()).isFalse();
    }

    @Test
    void afterTheLearnerTypedSomethingElseEnterOffersTheCellAgain() {
        LessonCursor cursor = new LessonCursor(LESSON, 0);

        cursor.offerTaken();
        assertThat(cursor.state()).isEqualTo(State.WAITING);
        assertThat(cursor.offer()).isEmpty();
        assertThat(cursor.enterGoesOn()).isFalse();

        cursor.offerAgain();
        assertThat(cursor.offer()).contains("int answer = 40 + 2;");
    }

    @Test
    void aFailedCellOffersTheLearnersCodeToEditAndAPassedOneLetsEnterGoOn() {
        LessonCursor cursor = new LessonCursor(LESSON, 0);
        cursor.offerTaken();

        cursor.failed("int answer = 40 + 1;");
        assertThat(cursor.state()).isEqualTo(State.RETRYING);
        assertThat(cursor.offer()).contains("int answer = 40 + 1;");
        assertThat(cursor.offersTheLessonsCode())
                .as("typing edits the learner's own code")
                .isFalse();

        cursor.offerTaken();
        cursor.passed();
        assertThat(cursor.state()).isEqualTo(State.PASSED);
        assertThat(cursor.offer()).isEmpty();
        assertThat(cursor.enterGoesOn()).isTrue();
    }

    @Test
    void hintsComeInTurnTheLastOneAgainAndOfferTheCellUntilItPassed() {
        LessonCursor cursor = new LessonCursor(LESSON, 0);
        cursor.offerTaken();

        assertThat(cursor.nextHint()).contains(FIRST);
        assertThat(cursor.state()).as("a hint offers the cell again").isEqualTo(State.OFFERED);
        assertThat(cursor.nextHint()).contains(SECOND);
        assertThat(cursor.nextHint()).contains(SECOND);
        assertThat(cursor.hintsShown()).isEqualTo(3);

        cursor.passed();
        assertThat(cursor.nextHint()).contains(SECOND);
        assertThat(cursor.state()).as("a passed cell is not offered again").isEqualTo(State.PASSED);
    }

    @Test
    void movingResetsTheHintsAndOffersTheNewStepsCell() {
        LessonCursor cursor = new LessonCursor(LESSON, 0);
        cursor.nextHint();
        cursor.passed();

        assertThat(cursor.forward()).isTrue();
        assertThat(cursor.state()).isEqualTo(State.READING);
        assertThat(cursor.cell()).isNull();
        assertThat(cursor.cellIndex()).isEqualTo(-1);
        assertThat(cursor.nextHint()).isEmpty();
        assertThat(cursor.enterGoesOn()).isTrue();

        assertThat(cursor.forward()).isTrue();
        assertThat(cursor.isLastStep()).isTrue();
        assertThat(cursor.cellIndex()).isEqualTo(1);
        assertThat(cursor.offer()).contains("/brokers");
        assertThat(cursor.forward()).as("no step after the last").isFalse();

        assertThat(cursor.backward()).isTrue();
        assertThat(cursor.backward()).isTrue();
        assertThat(cursor.hintsShown()).isZero();
        assertThat(cursor.state()).as("the cell passed before is offered again").isEqualTo(State.OFFERED);
        assertThat(cursor.backward()).as("no step before the first").isFalse();
    }

    @Test
    void aSkippedCellLetsEnterGoOnAndOffersNothing() {
        LessonCursor cursor = new LessonCursor(LESSON, 2);

        cursor.skipped();

        assertThat(cursor.state()).isEqualTo(State.SKIPPED);
        assertThat(cursor.offer()).isEmpty();
        assertThat(cursor.enterGoesOn()).isTrue();
    }

    @Test
    void aStepOutsideTheLessonMeansItsNearestStep() {
        assertThat(new LessonCursor(LESSON, 7).step()).isEqualTo(2);
        assertThat(new LessonCursor(LESSON, -1).step()).isZero();
    }

    private static Hint hint(String text) {
        return new Hint(List.of(new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(Span.plain(text))))));
    }
}
