package dev.streamlab.console;

import dev.streamlab.terminal.Styles;
import java.util.function.Supplier;

/**
 * Everything the {@link Repl} needs from a terminal, and nothing more: tests drive the REPL
 * through a scripted implementation and read what it printed, like a transcript.
 */
public interface ConsoleIO {

    /**
     * Reads one entry (maybe several lines of Java). {@code prefill} is editable text already in the
     * line, or null. Returns null when input ends (Ctrl-D).
     */
    String read(String prompt, String prefill);

    /**
     * Reads one entry; {@code typingReplaces} says whether text typed first replaces the prefill (the lesson's cell, as
     * offered) or goes into it (the learner's own code, offered again after it failed).
     */
    default String read(String prompt, String prefill, boolean typingReplaces) {
        return read(prompt, prefill);
    }

    /** Shows text; it may contain the escape codes of {@link #styles()}. */
    void print(String text);

    Styles styles();

    /** The width to wrap prose at. */
    int width();

    /** Runs {@code work}; a Ctrl-C meanwhile calls {@code onInterrupt} (which should make the work end soon). */
    <T> T interruptible(Supplier<T> work, Runnable onInterrupt);
}
