package dev.streamlab.present;

import dev.streamlab.console.ProseRenderer;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.terminal.Styles;
import java.io.PrintWriter;
import java.util.List;

/**
 * Plays a demo for an audience, one step at a time: the step's prose, then its code typed out at a natural pace
 * (any key shows the rest at once), run on a key press. Keys: Enter or space runs the cell and then goes on,
 * {@code n}/→ skips ahead, {@code b}/← goes back, {@code r} runs the cell again after resetting the demo's topics,
 * {@code q} quits. Speaker notes go only to {@link SpeakerNotes}.
 */
public final class DemoPlayer {

    /** Where keys come from: a character, or {@link #TIMEOUT} when none came within the time. */
    public interface Keys {
        int TIMEOUT = -2;
        int END = -1;

        int read(long timeoutMillis);
    }

    /** Runs a cell and checks its expectations: {@link Notebook#run(Cell)} on stage. */
    public interface CellRunner {
        CellResult run(Cell cell);
    }

    private static final long TYPING_MILLIS = 18;

    private final CellRunner notebook;
    private final Runnable reset;
    private final SpeakerNotes notes;
    private final Keys keys;
    private final PrintWriter out;
    private final Styles styles;
    private final int width;
    private final ProseRenderer prose;

    /** @param reset puts the demo's topics and groups back as they were before it started ({@link DemoReset}) */
    public DemoPlayer(
            CellRunner notebook,
            Runnable reset,
            SpeakerNotes notes,
            Keys keys,
            PrintWriter out,
            Styles styles,
            int width) {
        this.notebook = notebook;
        this.reset = reset;
        this.notes = notes;
        this.keys = keys;
        this.out = out;
        this.styles = styles;
        this.prose = new ProseRenderer(styles, width);
        this.width = width;
    }

    /** Plays until the last step or {@code q}; returns how many cells failed. */
    public int play(Lesson demo) {
        List<Step> steps = demo.steps();
        if (notes != null) {
            notes.start(demo);
        }
        int failures = 0;
        int i = 0;
        while (i >= 0 && i < steps.size()) {
            Step step = steps.get(i);
            if (notes != null) {
                notes.step(i + 1, steps.size(), step);
            }
            clear();
            out.print(prose.render(step.prose()));
            Action action = Action.NEXT;
            if (step.hasCell()) {
                typeOut(step.cell());
                action = status("Enter: run   n: skip   b: back   q: quit", i, steps.size());
                if (action == Action.RUN || action == Action.RESTART) {
                    action = runUntilMoved(demo, step.cell(), i, steps.size());
                    failures += action == Action.NEXT_AFTER_FAILURE ? 1 : 0;
                }
            } else {
                action = status("Enter: next   b: back   q: quit", i, steps.size());
                action = action == Action.RUN ? Action.NEXT : action;
            }
            switch (action) {
                case QUIT -> i = -1;
                case BACK -> i = Math.max(0, i - 1);
                default -> i++;
            }
        }
        out.println();
        out.println(styles.apply(Styles.FAINT, "End of " + demo.title() + "."));
        out.flush();
        return failures;
    }

    private Action runUntilMoved(Lesson demo, Cell cell, int index, int total) {
        while (true) {
            out.println(styles.apply(Styles.FAINT, "running..."));
            out.flush();
            CellResult result = notebook.run(cell);
            // The audience sees a command's diagram in colour at the screen's width; the rehearsal, plain.
            out.print(
                    result.drawing() == null
                            ? result.output(value ->
                                    dev.streamlab.diagram.ValueText.shown(value.name(), value.text(), width) + "\n")
                            : styles.draw(result.drawing(), width));
            out.println(
                    result.passed()
                            ? styles.apply(Styles.GOOD, "✓")
                            : styles.apply(Styles.BAD, "✗ " + result.whyNot()));
            Action next = status("Enter: next   r: reset and run again   b: back   q: quit", index, total);
            if (next == Action.RESTART) {
                reset.run();
                continue;
            }
            if (next == Action.RUN) {
                next = Action.NEXT;
            }
            return next == Action.NEXT && !result.passed() ? Action.NEXT_AFTER_FAILURE : next;
        }
    }

    /** Types the code out, a character at a time; a key shows the rest at once. */
    private void typeOut(Cell cell) {
        String prompt = switch (cell.kind()) {
            case COMMAND -> "$ ";
            case SQL -> "Flink SQL> ";
            case JAVA -> "jshell> ";
        };
        out.print(styles.apply(Styles.FAINT, prompt));
        String code = cell.code();
        for (int c = 0; c < code.length(); c++) {
            char ch = code.charAt(c);
            out.print(ch == '\n' ? "\n" + " ".repeat(prompt.length()) : String.valueOf(ch));
            out.flush();
            if (keys.read(TYPING_MILLIS) != Keys.TIMEOUT) {
                out.print(code.substring(c + 1).replace("\n", "\n" + " ".repeat(prompt.length())));
                break;
            }
        }
        out.println();
        out.flush();
    }

    private enum Action {
        RUN,
        NEXT,
        NEXT_AFTER_FAILURE,
        BACK,
        RESTART,
        QUIT
    }

    private Action status(String help, int index, int total) {
        out.println(styles.apply(Styles.FAINT, "[" + (index + 1) + "/" + total + "]  " + help));
        out.flush();
        while (true) {
            int key = keys.read(60_000);
            switch (key) {
                case Keys.TIMEOUT -> {}
                case Keys.END, 'q', 'Q' -> {
                    return Action.QUIT;
                }
                case '\r', '\n', ' ' -> {
                    return Action.RUN;
                }
                case 'n', 'N' -> {
                    return Action.NEXT;
                }
                case 'b', 'B', 'p', 'P' -> {
                    return Action.BACK;
                }
                case 'r', 'R' -> {
                    return Action.RESTART;
                }
                case 27 -> { // an arrow key: ESC [ C (right) or ESC [ D (left)
                    keys.read(50);
                    int arrow = keys.read(50);
                    if (arrow == 'C') {
                        return Action.NEXT;
                    }
                    if (arrow == 'D') {
                        return Action.BACK;
                    }
                }
                default -> {}
            }
        }
    }

    private void clear() {
        if (styles.colour()) {
            out.print("\033[H\033[2J");
        } else {
            out.println();
        }
    }
}
