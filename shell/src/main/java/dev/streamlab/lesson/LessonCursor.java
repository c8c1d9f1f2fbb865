package dev.streamlab.lesson;

import java.util.Optional;

/**
 * Where a learner is in a lesson, and what its step's cell waits for: which step, how many hints they saw, and the code
 * the next prompt offers. No I/O: the front end shows the step and reads the learner's entries, and tells the cursor
 * what happened.
 */
public final class LessonCursor {

    /** Where the step's cell stands. */
    public enum State {
        /** The step has no cell: Enter goes on. */
        READING,
        /** The lesson's cell is offered in the line as written: typing replaces it, Enter runs it. */
        OFFERED,
        /** The learner's own code, which did not pass, is offered again: typing edits it. */
        RETRYING,
        /** The cell has not passed and the line offers nothing (the learner did something else): Enter offers it again. */
        WAITING,
        /** The cell passed: Enter goes on. */
        PASSED,
        /** The cell cannot run on this cluster (it stops brokers streamlab does not control): Enter goes on. */
        SKIPPED
    }

    private final Lesson lesson;
    private int step;
    private int hintsShown;
    private State state;
    /** The code the next prompt offers, while {@link State#OFFERED} or {@link State#RETRYING}. */
    private String offer;

    /** At step {@code step} (from 0) of {@code lesson}, or its nearest step if there is no such step. */
    public LessonCursor(Lesson lesson, int step) {
        if (lesson.steps().isEmpty()) {
            throw new IllegalArgumentException("Lesson " + lesson.id() + " has no steps.");
        }
        this.lesson = lesson;
        moveTo(Math.max(0, Math.min(step, lesson.steps().size() - 1)));
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The step's index, from 0. */
    public int step() {
        return step;
    }

    public Step current() {
        return lesson.steps().get(step);
    }

    /** The step's cell, or null. */
    public Cell cell() {
        return current().cell();
    }

    /** The cell's index among the lesson's cells, or -1 if the step has none. */
    public int cellIndex() {
        return current().hasCell() ? lesson.cells().indexOf(cell()) : -1;
    }

    public boolean isLastStep() {
        return step == lesson.steps().size() - 1;
    }

    public State state() {
        return state;
    }

    public int hintsShown() {
        return hintsShown;
    }

    /** Goes to step {@code index}: no hint seen yet, and its cell (if any) offered as written. */
    public void moveTo(int index) {
        if (index < 0 || index >= lesson.steps().size()) {
            throw new IndexOutOfBoundsException("Lesson " + lesson.id() + " has no step " + index + ".");
        }
        step = index;
        hintsShown = 0;
        if (current().hasCell()) {
            offerAgain();
        } else {
            state = State.READING;
            offer = null;
        }
    }

    /** Goes to the next step; false if this is the last. */
    public boolean forward() {
        if (isLastStep()) {
            return false;
        }
        moveTo(step + 1);
        return true;
    }

    /** Goes to the step before; false if this is the first. */
    public boolean backward() {
        if (step == 0) {
            return false;
        }
        moveTo(step - 1);
        return true;
    }

    /** The code the next prompt offers in its line, if any. */
    public Optional<String> offer() {
        return state == State.OFFERED || state == State.RETRYING ? Optional.of(offer) : Optional.empty();
    }

    /** Whether the offer is the lesson's code as written (typing replaces it) rather than the learner's (typing edits it). */
    public boolean offersTheLessonsCode() {
        return state == State.OFFERED;
    }

    /** The prompt has shown the offer and the learner entered something: the line offers nothing until asked again. */
    public void offerTaken() {
        if (offer().isPresent()) {
            state = State.WAITING;
            offer = null;
        }
    }

    /** Whether Enter on an empty line goes on to the next step, rather than offering the cell again. */
    public boolean enterGoesOn() {
        return state == State.READING || state == State.PASSED || state == State.SKIPPED;
    }

    /** Offers the cell again as the lesson writes it. */
    public void offerAgain() {
        if (!current().hasCell()) {
            throw new IllegalStateException("Step " + (step + 1) + " of " + lesson.id() + " has no cell to offer.");
        }
        state = State.OFFERED;
        offer = cell().code();
    }

    public void passed() {
        state = State.PASSED;
        offer = null;
    }

    public void skipped() {
        state = State.SKIPPED;
        offer = null;
    }

    /** The cell ran as {@code code} and did not pass: the next prompt offers that code again, to edit. */
    public void failed(String code) {
        state = State.RETRYING;
        offer = code;
    }

    /**
     * The next hint for the step's cell (the last one again once all were seen), or empty if it has none. A hint
     * offers the cell again as written, unless it passed.
     */
    public Optional<Hint> nextHint() {
        Cell cell = cell();
        if (cell == null || cell.hints().isEmpty()) {
            return Optional.empty();
        }
        Hint hint = cell.hints().get(Math.min(hintsShown, cell.hints().size() - 1));
        hintsShown++;
        if (!enterGoesOn()) {
            offerAgain();
        }
        return Optional.of(hint);
    }
}
