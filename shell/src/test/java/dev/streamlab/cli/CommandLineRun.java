package dev.streamlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A streamlab command line run in-process, with what it wrote to stdout and stderr. */
record CommandLineRun(List<String> args, int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = StreamlabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CommandLineRun(List.of(args), exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
