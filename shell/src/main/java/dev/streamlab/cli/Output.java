package dev.streamlab.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Help.Ansi;

/**
 * Where a command writes. Results go to {@code out} (stdout), so they can be piped; progress,
 * warnings and errors go to {@code err} (stderr). Colour only on a terminal, never with {@code NO_COLOR}.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Ansi ansi;
    private final long startNanos = System.nanoTime();

    public Output(PrintWriter out, PrintWriter err, Ansi ansi) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
    }

    /** Colours stay off when NO_COLOR is set (https://no-color.org), whatever picocli decides. */
    public static Ansi ansiFromEnvironment() {
        String noColor = System.getenv("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? Ansi.OFF : Ansi.AUTO;
    }

    /** A result line, on stdout. Picocli markup such as {@code @|bold text|@} is allowed. */
    public void result(String line) {
        out.println(ansi.string(line));
        out.flush();
    }

    /** A progress line on stderr, with the seconds since the command started. */
    public void progress(String step) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.println(ansi.string(String.format("@|faint [%5.1fs]|@ %s", seconds, step)));
        err.flush();
    }

    public void error(String message) {
        err.println(ansi.string("@|red,bold Error:|@ " + message));
        err.flush();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Ansi ansi() {
        return ansi;
    }
}
