package dev.streamlab.console;

import dev.streamlab.notebook.JavaSession;
import dev.streamlab.notebook.PromptCommands;
import dev.streamlab.terminal.Styles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * The real terminal: JLine for editing, history and completion; Ctrl-C stops a running cell.
 *
 * <p>An offered cell (the {@code prefill} of {@link #read}) is typed over, not appended to: while no key
 * has been pressed at the prompt, typing text (a printable key, or a paste) replaces the whole offer.
 * Any other key first (an arrow, Home, End, Backspace, Delete, Tab, a Ctrl- or Alt- key) means "edit
 * the offer", and from then on typing inserts as usual; Enter on the untouched offer runs it.
 *
 * <p>Keys typed while a cell runs wait for the next prompt, where JLine reads them as if typed there:
 * text typed ahead replaces the next offer, and Enter typed ahead runs it. Meanwhile the terminal is in
 * JLine's raw mode, so they are not echoed into the cell's output (Ctrl-C still stops the cell).
 */
public final class JLineConsole implements ConsoleIO, AutoCloseable {

    /** The widgets that type text: the first of them at an untouched offer replaces it. */
    private static final Set<String> TYPING = Set.of(LineReader.SELF_INSERT, LineReader.BEGIN_PASTE);

    private final Terminal terminal;
    private final LineReader reader;
    private final Styles styles;
    /** The line holds the offered cell and no key has been pressed at this prompt yet. */
    private boolean untouchedOffer;

    /**
     * @param commands the table whose commands and their arguments Tab completes
     * @param history the file that keeps what the learner typed, across sessions
     */
    public JLineConsole(JavaSession java, PromptCommands commands, Path history) {
        this(systemTerminal(), java, commands, history);
    }

    /** On any terminal: tests type into one over streams. */
    JLineConsole(Terminal terminal, JavaSession java, PromptCommands commands, Path history) {
        this.terminal = terminal;
        boolean real =
                !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
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
        typingReplacesTheOffer();
        keysTypedAheadAreKeys();
    }

    private static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * Every key runs a widget (JLine looks its name up in {@link LineReader#getWidgets()}), so each one is
     * wrapped: a typing widget first clears an untouched offer, and any widget leaves the offer touched.
     */
    private void typingReplacesTheOffer() {
        reader.getWidgets().replaceAll((name, widget) -> {
            boolean typing = TYPING.contains(name);
            return (Widget) () -> {
                if (typing && untouchedOffer) {
                    reader.getBuffer().clear();
                }
                untouchedOffer = false;
                return widget.apply();
            };
        });
    }

    /**
     * JLine binds the cursor keys as the terminal sends them at a prompt, where JLine switches it to its
     * application mode (← is ESC O D). Between prompts the terminal is in its normal mode, so a ← typed
     * while a cell runs arrives as ESC [ D, which JLine would not know (it would insert "[D" as text).
     */
    private void keysTypedAheadAreKeys() {
        List<Capability> keys = List.of(
                Capability.key_up,
                Capability.key_down,
                Capability.key_left,
                Capability.key_right,
                Capability.key_home,
                Capability.key_end);
        for (String map : List.of(LineReader.EMACS, LineReader.VIINS, LineReader.VICMD, LineReader.MENU)) {
            KeyMap<Binding> keyMap = reader.getKeyMaps().get(map);
            for (Capability key : keys) {
                String application = terminal.getStringCapability(key) == null ? "" : KeyMap.key(terminal, key);
                if (application.startsWith("\033O") && keyMap.getBound(application) != null) {
                    keyMap.bindIfNotBound(keyMap.getBound(application), "\033[" + application.substring(2));
                }
            }
        }
    }

    /** A line that starts with / completes from the command table (a name, or an argument after it); others as Java. */
    private static Completer completer(JavaSession java, PromptCommands commands) {
        return (reader, line, candidates) -> {
            String text = line.line();
            if (text.strip().startsWith("/")) {
                for (String c : commands.complete(text.substring(0, line.cursor()))) {
                    candidates.add(new Candidate(c, c, null, null, null, null, true));
                }
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
        return read(prompt, prefill, true);
    }

    @Override
    public String read(String prompt, String prefill, boolean typingReplaces) {
        while (true) {
            untouchedOffer = typingReplaces && prefill != null && !prefill.isEmpty();
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

    /**
     * A line from another thread (the class publisher's one warning): above the prompt while the learner types, so
     * their line is drawn again under it, not garbled.
     */
    public void printAbove(String line) {
        reader.printAbove(line);
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
        // As at a prompt: keys typed meanwhile are neither echoed nor edited by the tty; Ctrl-C still signals.
        Attributes cooked = terminal.enterRawMode();
        try {
            return work.get();
        } finally {
            terminal.setAttributes(cooked);
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
