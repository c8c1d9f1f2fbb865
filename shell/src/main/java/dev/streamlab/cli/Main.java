package dev.streamlab.cli;

/** The entry point of {@code ./streamlab}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Verbosity.applyEarly(args);
        System.exit(StreamlabCommand.commandLine().execute(args));
    }
}
