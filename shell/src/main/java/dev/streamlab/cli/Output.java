package dev.streamlab.cli;

import dev.streamlab.terminal.Styles;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command writes. Results go to {@code out} (stdout), so they can be piped; progress,
 * warnings and errors go to {@code err} (stderr). Colour only on a terminal, never with {@code NO_COLOR}.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Styles styles;
    private final long startNanos = System.nanoTime();

    public Output(PrintWriter out, PrintWriter err, Styles styles) {
        this.out = out;
        this.err = err;
        this.styles = styles;
    }

    /** The command's own streams, in colour when standard output is a terminal. */
    public static Output of(CommandSpec spec) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), Styles.forStandardOutput());
    }

    /** A result line, on stdout, written as it is (style it with {@link #styles()}). */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** A progress line on stderr, with the seconds since the command started. */
    public void progress(String step) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.println(styles.apply(Styles.FAINT, String.format("[%5.1fs]", seconds)) + " " + step);
        err.flush();
    }

    public void error(String message) {
        err.println(styles.apply(Styles.BAD, "Error:") + " " + message);
        err.flush();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Styles styles() {
        return styles;
    }
}
