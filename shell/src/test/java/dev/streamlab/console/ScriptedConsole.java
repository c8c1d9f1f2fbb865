package dev.streamlab.console;

import dev.streamlab.terminal.Styles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A terminal for tests: takes the learner's entries from a script and records everything the REPL
 * shows, prompts and entries included, as a plain-text transcript.
 */
final class ScriptedConsole implements ConsoleIO {

    /** In a script: press Enter on whatever the line holds (the offered cell). */
    static final String ENTER = "<enter>";
    /** In a script: the next entry runs until its output contains {@code text}, then Ctrl-C. */
    static String ctrlCWhenOutputHas(String text) {
        return "<ctrl-c when output has>" + text;
    }

    private final Deque<String> script;
    private final StringBuilder transcript = new StringBuilder();
    private final List<Wait> waits = new ArrayList<>();
    private String interruptWhen;

    private final boolean colour;
    private final int width;

    ScriptedConsole(List<String> script) {
        this(script, false, 80);
    }

    /** A console as a colour terminal of this many columns shows it. */
    ScriptedConsole(List<String> script, boolean colour, int width) {
        this.script = new ArrayDeque<>(script);
        this.colour = colour;
        this.width = width;
    }

    /**
     * One time the REPL waited for an entry: the transcript's length before its prompt, the prompt, the code it
     * offered in the line (or null), and the transcript's length once the entry was shown.
     */
    record Wait(int promptAt, String prompt, String prefill, int answeredAt) {}

    /** Adds entries at the end of the script. */
    void enter(List<String> more) {
        script.addAll(more);
    }

    @Override
    public String read(String prompt, String prefill) {
        String entry = script.poll();
        while (entry != null && entry.startsWith("<ctrl-c when output has>")) {
            interruptWhen = entry.substring("<ctrl-c when output has>".length());
            entry = script.poll();
        }
        String line = entry == null ? null : entry.equals(ENTER) ? (prefill == null ? "" : prefill) : entry;
        synchronized (transcript) {
            int promptAt = transcript.length();
            transcript.append(prompt).append(line == null ? "^D" : line).append('\n');
            waits.add(new Wait(promptAt, prompt, prefill, transcript.length()));
        }
        return line;
    }

    @Override
    public void print(String text) {
        synchronized (transcript) {
            transcript.append(text);
        }
    }

    @Override
    public Styles styles() {
        return new Styles(colour);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public <T> T interruptible(Supplier<T> work, Runnable onInterrupt) {
        String trigger = interruptWhen;
        interruptWhen = null;
        if (trigger == null) {
            return work.get();
        }
        int from = transcript.length();
        Thread presser = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (transcript) {
                    if (transcript.indexOf(trigger, from) >= 0) {
                        break;
                    }
                }
                Thread.onSpinWait();
            }
            onInterrupt.run();
        });
        presser.start();
        try {
            return work.get();
        } finally {
            presser.interrupt();
        }
    }

    /** Every time the REPL waited for an entry, in order. */
    List<Wait> waits() {
        synchronized (transcript) {
            return List.copyOf(waits);
        }
    }

    String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }
}
