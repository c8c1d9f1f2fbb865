package dev.streamlab.console;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.ValueText;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Hint;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.LessonCursor;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Part;
import dev.streamlab.notebook.Progress;
import dev.streamlab.notebook.PromptCommand;
import dev.streamlab.notebook.PromptCommand.Where;
import dev.streamlab.notebook.PromptCommands;
import dev.streamlab.notebook.Transcript;
import dev.streamlab.terminal.Styles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The learning loop: show a step's prose, offer its cell (Enter runs it, or edit it first), show the
 * output inline and whether the step succeeded; the learner may type their own Java or a command at
 * any moment. Where the learner is, the {@link LessonCursor} keeps; this shows it, and talks to the
 * terminal only through {@link ConsoleIO}.
 */
public final class Repl {

    private final ConsoleIO io;
    private final Notebook notebook;
    private final LessonCatalogue catalogue;
    private final Progress progress;
    private final Styles styles;
    private final ProseRenderer prose;
    /** Every command typed at the prompt, the notebook's and this loop's own: /help, completion and dispatch read it. */
    private final PromptCommands commands;

    private LessonCursor cursor;
    private Transcript transcript;
    /** False once the learner asked to leave. */
    private boolean live = true;
    /** Who follows the class (the instructor's live view), told of steps, cells and hints; nobody by default. */
    private LearnerActivity activity = LearnerActivity.NONE;

    /** A loop on {@code notebook}, whose command table gets this loop's own commands. */
    public Repl(ConsoleIO io, Notebook notebook, LessonCatalogue catalogue, Progress progress) {
        this.io = io;
        this.notebook = notebook;
        this.catalogue = catalogue;
        this.progress = progress;
        this.styles = io.styles();
        this.prose = new ProseRenderer(styles, io.width());
        this.commands = notebook.commands();
        own("/next", "The next step.", Where.IN_LESSON, args -> next());
        own("/back", "The step before.", Where.IN_LESSON, args -> back());
        own(
                "/run",
                "Run the lesson's cell as written, even if you edited it.",
                Where.IN_LESSON,
                args -> runAsWritten());
        own("/hint", "A hint for this step.", Where.IN_LESSON, args -> hint());
        own("/toc", "Lessons and your progress.", Where.IN_LESSON, args -> toc());
        own("/reset", "Forget your Java variables (the cluster stays).", Where.ANY_TIME, args -> reset());
        own("/save FILE", "Save this session, with every output, as AsciiDoc.", Where.ANY_TIME, this::save);
        own(
                "/help",
                "This list.",
                Where.ANY_TIME,
                args -> io.print(new HelpPage(styles, prose).render(commands.all(), io.width())));
        commands.add(new PromptCommand(
                "/quit",
                List.of("/exit"),
                "/quit, /exit",
                "Leave (your progress is saved).",
                Where.ANY_TIME,
                PromptCommand.Arguments.NONE,
                args -> {
                    live = false;
                    return Drawing.text("");
                }));
    }

    private void own(String usage, String help, Where where, Consumer<List<String>> what) {
        commands.add(new PromptCommand(usage.split(" ")[0], usage, help, where, PromptCommand.Arguments.NONE, args -> {
            what.accept(args);
            return Drawing.text("");
        }));
    }

    /** Tells {@code activity} what the learner does from now on (a class's progress events). */
    public Repl following(LearnerActivity activity) {
        this.activity = activity;
        return this;
    }

    /** Runs until the learner quits or input ends. */
    public void run(Lesson start) {
        open(start, progress.of(start.id()).step(), true);
        while (live) {
            Optional<String> offer = cursor.offer();
            String input = io.read(prompt(offer.isPresent()), offer.orElse(null), cursor.offersTheLessonsCode());
            cursor.offerTaken();
            if (input == null) {
                break;
            }
            handle(input, offer.isPresent());
        }
        io.print(styles.apply(Styles.FAINT, "Bye. Your progress is saved; `./streamlab` brings you back here.") + "\n");
    }

    private String prompt(boolean offersCell) {
        return styles.apply(offersCell ? Styles.GOOD : Styles.CODE, offersCell ? "run ▶ " : "» ");
    }

    private void handle(String input, boolean offeredCell) {
        String text = input.strip();
        if (text.isEmpty()) {
            if (cursor.enterGoesOn()) {
                next();
            } else {
                cursor.offerAgain();
            }
        } else if (offeredCell && isTheCell(text, cursor.cell())) {
            runCell(input);
        } else if (Notebook.isCommand(text)) {
            command(text);
        } else {
            runTyped(input);
        }
    }

    /**
     * What was offered as the cell, maybe edited, runs as the cell (with its expectations) while it is
     * still recognisably the cell: of its kind, and starting like it or sharing a line with it. Anything
     * else the learner typed over it is their own code, and runs without the cell's expectations.
     */
    private boolean isTheCell(String text, Cell cell) {
        boolean command = Notebook.isCommand(text);
        if (command != (cell.kind() == Cell.Kind.COMMAND)
                || (command
                        && commands.find(text)
                                .filter(c -> c.where().runsInCells())
                                .isEmpty())) {
            return false;
        }
        String code = cell.code().strip();
        int prefix = Math.min(8, Math.min(code.length(), text.length()));
        if (text.regionMatches(0, code, 0, prefix)) {
            return true;
        }
        List<String> cellLines =
                code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return text.lines().map(String::strip).anyMatch(cellLines::contains);
    }

    /**
     * A command runs from the table: the notebook's through the notebook, as a cell the learner typed (its output shown
     * and kept in the transcript), this loop's own at once.
     */
    private void command(String text) {
        Optional<PromptCommand> found = commands.find(text);
        if (found.isEmpty()) {
            problem("There is no command " + text.split("\\s+")[0] + ". /help lists them.");
        } else if (found.get().where().runsInCells()) {
            runTyped(text);
        } else {
            Drawing shown = found.get().action().run(PromptCommands.arguments(text));
            if (!shown.plain().isEmpty()) {
                io.print(styles.draw(shown, io.width()));
            }
        }
    }

    private void back() {
        if (cursor.backward()) {
            showStep();
        } else {
            note("This is the first step.");
        }
    }

    private void runAsWritten() {
        if (cursor.cell() == null) {
            note("This step has no cell to run. /next goes on.");
        } else {
            runCell(cursor.cell().code());
        }
    }

    private void reset() {
        notebook.reset();
        note("Java starts afresh: your variables, methods and classes are gone. The cluster is unchanged.");
    }

    /**
     * A learner who comes back to the middle of a lesson has a new Java process (and, on the embedded cluster, a
     * new cluster): run the lesson's cells before this step again, quietly, so the next cells find the variables,
     * topics and records they build on. They run as {@code check} runs them, skipping what this cluster cannot do.
     * Says in one line what ran and what did not pass.
     */
    private void catchUp(Lesson lesson, int atStep) {
        long cells =
                lesson.steps().subList(0, atStep).stream().filter(Step::hasCell).count();
        if (cells == 0) {
            return;
        }
        note("Catching up: running the " + (cells == 1 ? "cell" : cells + " cells")
                + " before this step again, so the next cells find what they need...");
        List<CellResult> results = io.interruptible(
                () -> new LessonRunner(notebook).catchUp(lesson, atStep, result -> {
                    if (!result.skipped()) {
                        transcript.add(result);
                    }
                }),
                notebook::stop);
        List<String> failed = new ArrayList<>();
        long skipped = results.stream().filter(CellResult::skipped).count();
        results.stream()
                .filter(r -> !r.skipped() && !r.passed())
                .forEach(r -> failed.add("line " + r.cell().line() + " (" + r.whyNot() + ")"));
        long ran = cells - skipped;
        String skips = skipped == 0
                ? ""
                : " " + (skipped == 1 ? "One cell" : skipped + " cells")
                        + " did not run: this cluster's brokers are not streamlab's to stop.";
        if (failed.isEmpty()) {
            note("Caught up: " + ran + (ran == 1 ? " cell" : " cells") + " ran and passed." + skips);
        } else {
            problem("Caught up, but " + failed.size() + " of " + ran + " cells did not pass again: "
                    + String.join("; ", failed) + "." + skips + " /back to run them yourself.");
        }
    }

    private void open(Lesson lesson, int requestedStep, boolean resuming) {
        cursor = new LessonCursor(lesson, requestedStep);
        transcript = new Transcript(lesson.title());
        Progress.LessonProgress done = progress.of(lesson.id());
        io.print("\n" + styles.apply(Styles.HEADING, "Lesson " + lesson.number() + ": " + lesson.title()) + "\n");
        int cells = lesson.cells().size();
        String passed = done.passedCells().isEmpty()
                ? ""
                : " You have passed " + done.passedCells().size() + " of " + cells + " cells.";
        note(lesson.steps().size() + " steps." + passed + " Enter runs a cell; /help lists the commands.");
        if (!notebook.clusterIsUp()) {
            note("The Kafka cluster is starting in the background; a cell that needs it waits for it.");
        }
        if (lesson.hasSql()) {
            notebook.prepareSql(); // Flink takes seconds to start: it starts while the learner reads
        }
        if (resuming && cursor.step() > 0) {
            catchUp(lesson, cursor.step());
        }
        showStep();
    }

    /** Shows the cursor's step: its prose, then what the learner can do there. */
    private void showStep() {
        Lesson lesson = cursor.lesson();
        int step = cursor.step();
        progress.at(lesson.id(), step);
        io.print("\n"
                + styles.apply(
                        Styles.FAINT,
                        "── step " + (step + 1) + " of " + lesson.steps().size() + " ──") + "\n");
        io.print(prose.render(cursor.current().prose()));
        activity.stepReached(lesson.id(), step + 1);
        if (cursor.isLastStep()) {
            activity.lessonFinished(lesson.id());
        }
        Cell cell = cursor.cell();
        if (cell != null) {
            boolean done = progress.of(lesson.id()).passedCells().contains(cursor.cellIndex());
            note((cell.kind() == Cell.Kind.JAVA
                            ? "A Java cell"
                            : cell.kind() == Cell.Kind.SQL ? "A SQL cell" : "A command")
                    + (done ? " (you passed it before)" : "") + ": press Enter to run it, or edit it first.");
        } else if (cursor.isLastStep()) {
            note("End of the lesson."
                    + catalogue
                            .after(lesson)
                            .map(l -> " /next starts lesson " + l.number() + ": " + l.title() + ".")
                            .orElse(""));
        } else {
            note("Press Enter to go on.");
        }
    }

    private void next() {
        if (cursor.forward()) {
            showStep();
            return;
        }
        catalogue
                .after(cursor.lesson())
                .ifPresentOrElse(l -> open(l, 0, false), () -> note("This was the last lesson. Well done!"));
    }

    private void runCell(String code) {
        Cell cell = cursor.cell();
        Lesson lesson = cursor.lesson();
        int step = cursor.step();
        Optional<CellResult> skipped = new LessonRunner(notebook).skip(lesson, step);
        if (skipped.isPresent()) {
            // A class's cluster (or another external one): its brokers are not streamlab's to stop.
            io.print(styles.apply(Styles.NOTICE, skipped.get().problem()) + "\n"
                    + styles.apply(Styles.FAINT, "Read on: press Enter for the next step.") + "\n");
            cursor.skipped();
            return;
        }
        CellResult result = execute(() -> notebook.run(cell, code), cell.kind() != Cell.Kind.COMMAND);
        activity.cellRun(lesson.id(), step + 1, result);
        for (CellResult.Check check : result.checks()) {
            io.print(
                    check.held()
                            ? styles.apply(Styles.GOOD, "  ✓ " + check.text()) + "\n"
                            : styles.apply(Styles.BAD, "  ✗ " + check.text())
                                    + styles.apply(Styles.FAINT, "  (" + check.detail() + ")") + "\n");
        }
        if (result.passed()) {
            cursor.passed();
            progress.passed(lesson.id(), cursor.cellIndex());
            io.print(styles.apply(Styles.GOOD, "Step done.") + " "
                    + styles.apply(Styles.FAINT, "Press Enter for the next step.") + "\n");
        } else {
            io.print(styles.apply(Styles.NOTICE, "Not yet.") + " "
                    + styles.apply(
                            Styles.FAINT,
                            "Edit the cell and press Enter to try again"
                                    + (cell.hints().isEmpty() ? "" : ", or type /hint") + ".")
                    + "\n");
            cursor.failed(code);
        }
    }

    private void runTyped(String input) {
        execute(() -> notebook.runTyped(input), !Notebook.isCommand(input));
    }

    /** Runs, shows the output as it comes (Java) or at the end (commands), then what went wrong, if anything. */
    private CellResult execute(Supplier<CellResult> work, boolean live) {
        if (live) {
            notebook.watchParts(part -> io.print(shown(part)));
        }
        CellResult result;
        try {
            result = io.interruptible(work, notebook::stop);
        } finally {
            notebook.watch(null);
        }
        if (!live) {
            io.print(result.drawing() == null ? result.output(this::shown) : styles.draw(result.drawing(), io.width()));
        }
        if (result.problem() != null && !result.problem().equals(result.output().strip())) {
            problem(result.problem());
        }
        transcript.add(result);
        return result;
    }

    /** A part of a cell's result as this terminal shows it: a value cut to the window's width, the rest as it came. */
    private String shown(Part part) {
        return part instanceof Part.Value value ? shown(value) : part.plain();
    }

    private String shown(Part.Value value) {
        return ValueText.shown(value.name(), value.text(), io.width()) + "\n";
    }

    private void hint() {
        Optional<Hint> hint = cursor.nextHint();
        if (hint.isEmpty()) {
            note("No hint for this step. Read the text above the cell again, or run it as it is.");
            return;
        }
        activity.hintAsked(cursor.lesson().id(), cursor.step() + 1);
        io.print(styles.apply(Styles.NOTICE, "Hint:") + "\n"
                + prose.render(hint.get().prose()));
    }

    private void toc() {
        for (Lesson l : catalogue.lessons()) {
            int passed = progress.of(l.id()).passedCells().size();
            String marker = l.equals(cursor.lesson()) ? "▶ " : "  ";
            io.print(marker + l.number() + "  " + l.title()
                    + styles.apply(
                            Styles.FAINT, "  (" + passed + " of " + l.cells().size() + " cells passed)") + "\n");
        }
        note("You are at step " + (cursor.step() + 1) + " of "
                + cursor.lesson().steps().size() + " of lesson "
                + cursor.lesson().number() + ".");
    }

    private void save(List<String> args) {
        if (args.isEmpty()) {
            problem("Say where to save: /save FILE, e.g. /save my-session.adoc");
            return;
        }
        String file = String.join(" ", args);
        try {
            Path saved = transcript.save(Path.of(file));
            note("Saved " + transcript.size() + " cells with their output to " + saved);
        } catch (IOException | RuntimeException e) {
            problem("Cannot save to " + file + ": " + e.getMessage() + ". Try another folder.");
        }
    }

    private void note(String text) {
        io.print(styles.apply(Styles.FAINT, prose.wrapPlain(text, io.width())) + "\n");
    }

    private void problem(String text) {
        io.print(styles.apply(Styles.BAD, prose.wrapPlain("✗ " + text, io.width())) + "\n");
    }
}
