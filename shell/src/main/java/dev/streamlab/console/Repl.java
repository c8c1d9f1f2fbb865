package dev.streamlab.console;

import dev.streamlab.terminal.Styles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.streamlab.diagram.Style;
import dev.streamlab.diagram.ValueText;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Hint;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.ClusterCommands;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Part;
import dev.streamlab.notebook.Progress;
import dev.streamlab.notebook.Transcript;

/**
 * The learning loop: show a step's prose, offer its cell (Enter runs it, or edit it first), show the
 * output inline and whether the step succeeded; the learner may type their own Java or a command at
 * any moment. Talks to the terminal only through {@link ConsoleIO}.
 */
public final class Repl {

    /** The REPL's own commands: completion, /help and what runs all come from this one table. */
    static final List<ReplCommand> COMMANDS = List.of(
            ReplCommand.of("/next", "the next step", (repl, line) -> repl.next()),
            ReplCommand.of("/back", "the step before", (repl, line) -> repl.back()),
            ReplCommand.of("/run", "run the lesson's cell as written, even if you edited it", (repl, line) -> repl.runAsWritten()),
            ReplCommand.of("/hint", "a hint for this step", (repl, line) -> repl.hint()),
            ReplCommand.of("/toc", "lessons and your progress", (repl, line) -> repl.toc()),
            ReplCommand.of("/reset", "forget your Java variables (the cluster stays)", (repl, line) -> repl.reset()),
            ReplCommand.of("/save FILE", "save this session, with every output, as AsciiDoc", Repl::save),
            ReplCommand.of("/help", "this list", (repl, line) -> repl.help()),
            new ReplCommand("/quit", List.of("/exit"), "/quit, /exit", "leave (your progress is saved)", true, (repl, line) -> { }));

    private final ConsoleIO io;
    private final Notebook notebook;
    private final LessonCatalogue catalogue;
    private final Progress progress;
    private final Styles styles;
    private final ProseRenderer prose;
    private Lesson lesson;
    private Transcript transcript;
    private int step;
    private int hintsShown;
    private boolean cellPassed;
    private String pending;
    /** The offered code is what the learner ran last (it did not pass), not the lesson's. */
    private boolean pendingIsLearners;
    /** Who follows the class (the instructor's live view), told of steps, cells and hints; nobody by default. */
    private LearnerActivity activity = LearnerActivity.NONE;

    public Repl(ConsoleIO io, Notebook notebook, LessonCatalogue catalogue, Progress progress) {
        this.io = io;
        this.notebook = notebook;
        this.catalogue = catalogue;
        this.progress = progress;
        this.styles = io.styles();
        this.prose = new ProseRenderer(styles, io.width());
    }

    /** Tells {@code activity} what the learner does from now on (a class's progress events). */
    public Repl following(LearnerActivity activity) {
        this.activity = activity;
        return this;
    }

    /** Every command name the learner can type, for completion. */
    public static List<String> commandNames(ClusterCommands cluster) {
        List<String> names = new java.util.ArrayList<>(COMMANDS.stream().flatMap(ReplCommand::names).toList());
        cluster.all().forEach(c -> names.add("/" + c.name()));
        return names;
    }

    /** Runs until the learner quits or input ends. */
    public void run(Lesson start) {
        open(start, progress.of(start.id()).step(), true);
        while (true) {
            boolean offersCell = pending != null && currentCell() != null && !cellPassed;
            // The lesson's cell as offered is typed over; the learner's own code, offered again, is edited.
            boolean lessonCode = offersCell && pending.equals(currentCell().code()) && !pendingIsLearners;
            String input = io.read(prompt(offersCell), pending, lessonCode);
            pending = null;
            pendingIsLearners = false;
            if (input == null || !handle(input, offersCell)) {
                io.print(styles.apply(Styles.FAINT, "Bye. Your progress is saved; `./streamlab` brings you back here.") + "\n");
                return;
            }
        }
    }

    private String prompt(boolean offersCell) {
        return styles.apply(offersCell ? Styles.GOOD : Styles.CODE, offersCell ? "run ▶ " : "» ");
    }

    /** Returns false to quit. */
    private boolean handle(String input, boolean offeredCell) {
        String text = input.strip();
        if (text.isEmpty()) {
            if (currentCell() != null && !cellPassed) {
                pending = currentCell().code();
            } else {
                next();
            }
            return true;
        }
        boolean asCell = offeredCell && isTheCell(text, currentCell());
        if (asCell) {
            runCell(input);
            return true;
        }
        if (text.startsWith("/")) {
            return command(text);
        }
        runTyped(input);
        return true;
    }

    /**
     * What was offered as the cell, maybe edited, runs as the cell (with its expectations) while it is
     * still recognisably the cell: of its kind, and starting like it or sharing a line with it. Anything
     * else the learner typed over it is their own code, and runs without the cell's expectations.
     */
    private boolean isTheCell(String text, Cell cell) {
        boolean command = Notebook.isCommand(text);
        if (command != (cell.kind() == Cell.Kind.COMMAND) || (command && !notebook.commands().knows(text))) {
            return false;
        }
        String code = cell.code().strip();
        int prefix = Math.min(8, Math.min(code.length(), text.length()));
        if (text.regionMatches(0, code, 0, prefix)) {
            return true;
        }
        List<String> cellLines = code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return text.lines().map(String::strip).anyMatch(cellLines::contains);
    }

    private boolean command(String text) {
        String name = text.split("\\s+")[0];
        for (ReplCommand command : COMMANDS) {
            if (command.answersTo(name)) {
                command.action().accept(this, text);
                return !command.quits();
            }
        }
        if (notebook.commands().knows(text)) {
            runTyped(text);
        } else {
            problem("There is no command " + name + ". /help lists them.");
        }
        return true;
    }

    private void back() {
        if (step > 0) {
            showStep(step - 1);
        } else {
            note("This is the first step.");
        }
    }

    private void runAsWritten() {
        if (currentCell() == null) {
            note("This step has no cell to run. /next goes on.");
        } else {
            runCell(currentCell().code());
        }
    }

    private void reset() {
        notebook.reset();
        note("Java starts afresh: your variables, methods and classes are gone. The cluster is unchanged.");
    }

    /**
     * A learner who comes back to the middle of a lesson has a new Java process (and, on the embedded cluster, a
     * new cluster): run the lesson's cells before this step again, quietly, so the next cells find the variables,
     * topics and records they build on. Says in one line what ran and what did not pass.
     */
    private void catchUp(int atStep) {
        List<Cell> before = lesson.steps().subList(0, atStep).stream().filter(Step::hasCell).map(Step::cell).toList();
        if (before.isEmpty()) {
            return;
        }
        note("Catching up: running the " + (before.size() == 1 ? "cell" : before.size() + " cells")
                + " before this step again, so the next cells find what they need...");
        List<String> failed = new java.util.ArrayList<>();
        for (Cell cell : before) {
            CellResult result = io.interruptible(() -> notebook.run(cell), notebook::stop);
            transcript.add(result);
            if (!result.passed()) {
                failed.add("line " + cell.line() + " (" + result.whyNot() + ")");
            }
        }
        if (failed.isEmpty()) {
            note("Caught up: " + before.size() + (before.size() == 1 ? " cell" : " cells") + " ran and passed.");
        } else {
            problem("Caught up, but " + failed.size() + " of " + before.size() + " cells did not pass again: "
                    + String.join("; ", failed) + ". /back to run them yourself.");
        }
    }

    private void open(Lesson next, int atStep) {
        open(next, atStep, false);
    }

    private void open(Lesson next, int requestedStep, boolean resuming) {
        int atStep = Math.max(0, Math.min(requestedStep, next.steps().size() - 1));
        lesson = next;
        transcript = new Transcript(lesson.title());
        Progress.LessonProgress done = progress.of(lesson.id());
        io.print("\n" + styles.apply(Styles.HEADING, "Lesson " + lesson.number() + ": " + lesson.title()) + "\n");
        int cells = lesson.cells().size();
        String passed = done.passedCells().isEmpty() ? "" : " You have passed " + done.passedCells().size() + " of " + cells + " cells.";
        note(lesson.steps().size() + " steps." + passed + " Enter runs a cell; /help lists the commands.");
        if (!notebook.clusterIsUp()) {
            note("The Kafka cluster is starting in the background; a cell that needs it waits for it.");
        }
        if (lesson.hasSql()) {
            notebook.prepareSql(); // Flink takes seconds to start: it starts while the learner reads
        }
        if (resuming && atStep > 0) {
            catchUp(atStep);
        }
        showStep(atStep);
    }

    private void showStep(int index) {
        step = index;
        hintsShown = 0;
        cellPassed = false;
        progress.at(lesson.id(), step);
        Step current = lesson.steps().get(step);
        io.print("\n" + styles.apply(Styles.FAINT, "── step " + (step + 1) + " of " + lesson.steps().size() + " ──") + "\n");
        io.print(prose.render(current.prose()));
        activity.stepReached(lesson.id(), step + 1);
        if (step == lesson.steps().size() - 1) {
            activity.lessonFinished(lesson.id());
        }
        if (current.hasCell()) {
            Cell cell = current.cell();
            boolean done = progress.of(lesson.id()).passedCells().contains(cellIndex());
            note((cell.kind() == Cell.Kind.JAVA ? "A Java cell" : cell.kind() == Cell.Kind.SQL ? "A SQL cell" : "A command") + (done ? " (you passed it before)" : "")
                    + ": press Enter to run it, or edit it first.");
            pending = cell.code();
        } else if (step == lesson.steps().size() - 1) {
            note("End of the lesson." + catalogue.after(lesson).map(l -> " /next starts lesson " + l.number() + ": " + l.title() + ".").orElse(""));
        } else {
            note("Press Enter to go on.");
        }
    }

    private void next() {
        if (step + 1 < lesson.steps().size()) {
            showStep(step + 1);
            return;
        }
        catalogue.after(lesson).ifPresentOrElse(l -> open(l, 0), () -> note("This was the last lesson. Well done!"));
    }

    private Cell currentCell() {
        return lesson.steps().get(step).cell();
    }

    private int cellIndex() {
        return lesson.cells().indexOf(currentCell());
    }

    private void runCell(String code) {
        Cell cell = currentCell();
        if (lesson.stepsNeedingBrokerControl().contains(step) && !notebook.canControlBrokers()) {
            // A class's cluster (or another external one): its brokers are not streamlab's to stop.
            io.print(styles.apply(Styles.NOTICE, dev.streamlab.notebook.LessonRunner.brokerControlReason(lesson)) + "\n"
                    + styles.apply(Styles.FAINT, "Read on: press Enter for the next step.") + "\n");
            cellPassed = true;
            return;
        }
        CellResult result = execute(() -> notebook.run(cell, code), cell.kind() != Cell.Kind.COMMAND);
        activity.cellRun(lesson.id(), step + 1, result);
        for (CellResult.Check check : result.checks()) {
            io.print(check.held()
                    ? styles.apply(Styles.GOOD, "  ✓ " + check.text()) + "\n"
                    : styles.apply(Styles.BAD, "  ✗ " + check.text()) + styles.apply(Styles.FAINT, "  (" + check.detail() + ")") + "\n");
        }
        if (result.passed()) {
            cellPassed = true;
            progress.passed(lesson.id(), cellIndex());
            io.print(styles.apply(Styles.GOOD, "Step done.") + " " + styles.apply(Styles.FAINT, "Press Enter for the next step.") + "\n");
        } else {
            io.print(styles.apply(Styles.NOTICE, "Not yet.") + " "
                    + styles.apply(Styles.FAINT, "Edit the cell and press Enter to try again"
                    + (cell.hints().isEmpty() ? "" : ", or type /hint") + ".") + "\n");
            pending = code;
            pendingIsLearners = true;
        }
    }

    private void runTyped(String input) {
        execute(() -> notebook.runTyped(input), !Notebook.isCommand(input));
    }

    /** Runs, shows the output as it comes (Java) or at the end (commands), then what went wrong, if anything. */
    private CellResult execute(java.util.function.Supplier<CellResult> work, boolean live) {
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
        Cell cell = currentCell();
        if (cell == null || cell.hints().isEmpty()) {
            note("No hint for this step. Read the text above the cell again, or run it as it is.");
            return;
        }
        Hint hint = cell.hints().get(Math.min(hintsShown, cell.hints().size() - 1));
        hintsShown++;
        activity.hintAsked(lesson.id(), step + 1);
        io.print(styles.apply(Styles.NOTICE, "Hint:") + "\n" + prose.render(hint.prose()));
        if (!cellPassed) {
            pending = cell.code();
        }
    }

    private void toc() {
        for (Lesson l : catalogue.lessons()) {
            int passed = progress.of(l.id()).passedCells().size();
            String marker = l.equals(lesson) ? "▶ " : "  ";
            io.print(marker + l.number() + "  " + l.title() + styles.apply(Styles.FAINT,
                    "  (" + passed + " of " + l.cells().size() + " cells passed)") + "\n");
        }
        note("You are at step " + (step + 1) + " of " + lesson.steps().size() + " of lesson " + lesson.number() + ".");
    }


    private void help() {
        io.print("Enter          run the cell (or go on, once it passed)\n");
        for (ReplCommand c : COMMANDS) {
            io.print(String.format("%-14s %s%n", c.usage(), c.help()));
        }
        io.print("Tab            complete Java;  Ctrl-C  stop running code\n");
        for (ClusterCommands.Command c : notebook.commands().all()) {
            io.print(String.format("%-30s %s%n", c.usage(), c.help()));
        }
        io.print("Or type any Java, such as send(\"greetings\", \"bob\", \"Hi\")\n");
    }

    private void save(String text) {
        String[] words = text.split("\\s+", 2);
        if (words.length < 2 || words[1].isBlank()) {
            problem("Say where to save: /save FILE, e.g. /save my-session.adoc");
            return;
        }
        try {
            Path saved = transcript.save(Path.of(words[1].strip()));
            note("Saved " + transcript.size() + " cells with their output to " + saved);
        } catch (IOException | RuntimeException e) {
            problem("Cannot save to " + words[1].strip() + ": " + e.getMessage() + ". Try another folder.");
        }
    }

    private void note(String text) {
        io.print(styles.apply(Styles.FAINT, prose.wrapPlain(text, io.width())) + "\n");
    }

    private void problem(String text) {
        io.print(styles.apply(Styles.BAD, prose.wrapPlain("✗ " + text, io.width())) + "\n");
    }
}
