package dev.streamlab.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import dev.streamlab.notebook.JavaSession;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The real terminal: JLine for editing, history and completion; Ctrl-C stops a running cell. */
public final class JLineConsole implements ConsoleIO, AutoCloseable {

    private final Terminal terminal;
    private final LineReader reader;
    private final Styles styles;

    /**
     * @param commands the /commands to complete
     * @param history the file that keeps what the learner typed, across sessions
     */
    public JLineConsole(JavaSession java, List<String> commands, Path history) {
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the terminal: " + e.getMessage(), e);
        }
        boolean real = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        styles = Styles.forTerminal(real);
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("streamlab")
                .parser(new JavaLineParser(java))
                .completer(completer(java, commands))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ")
                .variable(LineReader.INDENTATION, 4)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // `!` is Java's, not history's
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
    }

    private static Completer completer(JavaSession java, List<String> commands) {
        return (reader, line, candidates) -> {
            String text = line.line();
            if (text.strip().startsWith("/") && !text.strip().contains(" ")) {
                commands.forEach(c -> candidates.add(new Candidate(c, c, null, null, null, null, true)));
                return;
            }
            JavaSession.Completions completions = java.complete(text, line.cursor());
            for (String candidate : completions.candidates()) {
                candidates.add(new Candidate(candidate, candidate, null, null, null, null, false));
            }
        };
    }

    @Override
    public String read(String prompt, String prefill) {
        while (true) {
            try {
                return reader.readLine(prompt, null, (org.jline.reader.MaskingCallback) null, prefill);
            } catch (UserInterruptException e) {
                print(styles.apply(Styles.FAINT, "(Ctrl-C clears the line; /quit leaves streamlab)") + "\n");
                prefill = null;
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void print(String text) {
        terminal.writer().print(text);
        terminal.writer().flush();
    }

    @Override
    public Styles styles() {
        return styles;
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width <= 0 ? 80 : width;
    }

    @Override
    public <T> T interruptible(Supplier<T> work, Runnable onInterrupt) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        try {
            return work.get();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
