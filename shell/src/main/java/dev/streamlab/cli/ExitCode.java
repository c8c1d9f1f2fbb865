package dev.streamlab.cli;

/** The exit codes of every streamlab command, named so scripts and tests can rely on them. */
public final class ExitCode {

    /** Everything worked, every check held. */
    public static final int OK = 0;
    /** The command ran, but a check it made did not hold (a lost record, a failed expectation). */
    public static final int CHECK_FAILED = 1;
    /** The command line was wrong: an unknown option, a value out of range. */
    public static final int USAGE = 2;
    /** The environment is not ready: no Docker engine, a port in use, too little memory. */
    public static final int ENVIRONMENT = 3;
    /**
     * Something went wrong that streamlab did not expect (a bug, or a case nobody foresaw): 70, "internal software
     * error" in {@code sysexits.h}. The message says to run again with {@code --verbose} for the stack trace.
     */
    public static final int INTERNAL = 70;

    private ExitCode() {}
}
