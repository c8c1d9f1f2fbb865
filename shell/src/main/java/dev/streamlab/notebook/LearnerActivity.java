package dev.streamlab.notebook;

/**
 * What a learner does in a lesson, as it happens, for whoever follows the class (the instructor's live view). The
 * learning loop calls it; it must return at once and never fail, whatever the listener does with it.
 * Steps count from 1.
 */
public interface LearnerActivity {

    /** Nobody follows: a learner on their own. */
    LearnerActivity NONE = new LearnerActivity() {};

    default void stepReached(String lesson, int step) {}

    /** A lesson's cell ran (maybe edited by the learner): passed, failed an expectation, or did not compile. */
    default void cellRun(String lesson, int step, CellResult result) {}

    default void hintAsked(String lesson, int step) {}

    /** The learner reached the lesson's last step. */
    default void lessonFinished(String lesson) {}
}
