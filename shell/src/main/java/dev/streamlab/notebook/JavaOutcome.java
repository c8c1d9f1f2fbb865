package dev.streamlab.notebook;

/** How a Java cell ended. */
public enum JavaOutcome {
    /** Every snippet compiled and ran. */
    OK,
    /** A snippet did not compile; the output shows where, with a caret. */
    COMPILE_ERROR,
    /** The code threw an exception (OutOfMemoryError included); the session is still there. */
    EXCEPTION,
    /** The learner stopped the code (Ctrl-C); the session is still there. */
    STOPPED,
    /** The code ended its Java process (System.exit, a crash); a fresh session replaced it. */
    RESTARTED,
    /** The cell did not run: it needs what this cluster cannot do (stop its brokers); the result says why. */
    SKIPPED
}
