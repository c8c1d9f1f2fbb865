package dev.streamlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Progress;
import dev.streamlab.present.Html;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One learner's session in the browser: the lesson open, the last result of each of its cells, the hints shown, and the
 * cell running now with what it printed so far. It outlives any page: a reload or a second tab asks for the same state.
 * Cells run one at a time, on a thread of the session's own; every change bumps a version the page waits on.
 * The smallest lesson cursor the page needs (a lesson and its cells by index), not the terminal's.
 */
public final class WebSession implements AutoCloseable {

    /** The free cell under the lesson, for the learner's own Java or {@code /} command. */
    public static final String SCRATCH = "scratch";

    private static final int LIVE_LIMIT = 200_000;

    private final Cells cells;
    private final LessonCatalogue catalogue;
    private final Progress progress;
    private final LearnerActivity activity;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "web-notebook-cell");
        t.setDaemon(true);
        return t;
    });
    private Lesson lesson;
    private final Map<String, ObjectNode> results = new LinkedHashMap<>();
    private final Map<Integer, Integer> hintsShown = new LinkedHashMap<>();
    private String running;
    private final StringBuilder live = new StringBuilder();
    private long version;
    private long runs;

    public WebSession(
            Cells cells, LessonCatalogue catalogue, Progress progress, LearnerActivity activity, Lesson lesson) {
        this.cells = cells;
        this.catalogue = catalogue;
        this.progress = progress;
        this.activity = activity;
        open(lesson);
    }

    private synchronized void open(Lesson next) {
        lesson = next;
        results.clear();
        hintsShown.clear();
        progress.at(lesson.id(), progress.of(lesson.id()).step());
        if (lesson.hasSql()) {
            cells.prepareSql(); // Flink takes seconds to start: it starts while the learner reads
        }
        changed();
    }

    /** Opens another lesson by number or name; not while a cell runs. */
    public synchronized void open(String name) {
        Lesson next = catalogue
                .find(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("There is no lesson `" + name + "`: give a number such as 01."));
        if (running != null) {
            throw new IllegalStateException("A cell is running: wait for it or press Stop, then open the lesson.");
        }
        open(next);
    }

    /** The lesson as the page draws it: its steps' prose as HTML, and each cell with its code, kind and expectations. */
    public synchronized ObjectNode lesson() {
        ObjectNode json = CellJson.JSON.createObjectNode();
        json.put("id", lesson.id()).put("number", lesson.number()).put("title", lesson.title());
        ArrayNode steps = json.putArray("steps");
        List<Cell> all = lesson.cells();
        for (Step step : lesson.steps()) {
            ObjectNode s = steps.addObject();
            // A lesson's sections are the page's second level, under its title (a slide's prose has them as h3).
            s.put("html", Html.prose(step.prose()).replace("<h3>", "<h2>").replace("</h3>", "</h2>"));
            if (step.hasCell()) {
                Cell cell = step.cell();
                ObjectNode c = s.putObject("cell");
                c.put("index", all.indexOf(cell))
                        .put("kind", cell.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("code", cell.code())
                        .put("hints", cell.hints().size());
                ArrayNode expect = c.putArray("expect");
                cell.expect().stream().map(Expectation::text).forEach(expect::add);
            }
        }
        catalogue
                .after(lesson)
                .ifPresent(l -> json.putObject("next").put("number", l.number()).put("title", l.title()));
        catalogue.lessons().stream()
                .filter(l -> catalogue.after(l).map(lesson::equals).orElse(false))
                .findFirst()
                .ifPresent(l ->
                        json.putObject("previous").put("number", l.number()).put("title", l.title()));
        return json;
    }

    /** Everything that changes: results by cell, hints shown, the cell running and its output so far, cells passed. */
    public synchronized ObjectNode state() {
        ObjectNode json = CellJson.JSON.createObjectNode();
        json.put("version", version).put("lesson", lesson.id());
        ObjectNode byCell = json.putObject("results");
        results.forEach(byCell::set);
        ObjectNode hints = json.putObject("hints");
        hintsShown.forEach((cell, shown) -> {
            ArrayNode list = hints.putArray(String.valueOf(cell));
            lesson.cells().get(cell).hints().stream().limit(shown).forEach(h -> list.add(Html.prose(h.prose())));
        });
        ArrayNode passed = json.putArray("passed");
        progress.of(lesson.id()).passedCells().forEach(passed::add);
        if (running != null) {
            json.putObject("running").put("cell", running).put("output", live.toString());
        } else {
            json.putNull("running");
        }
        return json;
    }

    /** The state once its version is past {@code after}, or as it is when {@code wait} is over. */
    public synchronized ObjectNode awaitState(long after, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (version <= after && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return state();
    }

    /** Runs the lesson's cell {@code index} as the learner edited it; its result comes in the state. */
    public synchronized void run(int index, String code) {
        List<Cell> all = lesson.cells();
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException(
                    "Lesson " + lesson.number() + " has no cell " + index + ": reload the page.");
        }
        Cell cell = all.get(index);
        Lesson at = lesson;
        int step = lesson.steps()
                .indexOf(lesson.steps().stream()
                        .filter(s -> s.cell() == cell)
                        .findFirst()
                        .orElseThrow());
        start(String.valueOf(index), () -> {
            CellResult result = at.stepsNeedingBrokerControl().contains(step) && !cells.canControlBrokers()
                    ? CellResult.skipped(cell, LessonRunner.brokerControlReason(at))
                    : cells.run(cell, code);
            progress.at(at.id(), step);
            activity.stepReached(at.id(), step + 1);
            activity.cellRun(at.id(), step + 1, result);
            if (result.passed()) {
                progress.passed(at.id(), index);
                if (step == at.steps().size() - 1
                        || at.steps().subList(step + 1, at.steps().size()).stream()
                                .noneMatch(Step::hasCell)) {
                    activity.lessonFinished(at.id());
                }
            }
            return result;
        });
    }

    /** Runs the learner's own Java, SQL or {@code /} command, with no expectations. */
    public synchronized void runTyped(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(
                    "The cell is empty: type some Java or a command such as /help, then run it.");
        }
        start(SCRATCH, () -> cells.runTyped(code));
    }

    private void start(String key, java.util.function.Supplier<CellResult> work) {
        if (running != null) {
            throw new IllegalStateException("Another cell is running: wait for it or press Stop.");
        }
        running = key;
        live.setLength(0);
        changed();
        runner.execute(() -> {
            ObjectNode json;
            cells.watch(this::printed);
            try {
                json = CellJson.of(work.get());
            } catch (RuntimeException e) {
                json = CellJson.JSON
                        .createObjectNode()
                        .put("outcome", "exception")
                        .put("output", "")
                        .put("problem", "The cell could not run: " + e.getMessage())
                        .put("passed", false);
                json.putArray("checks");
                json.putArray("pictures");
            } finally {
                cells.watch(null);
            }
            synchronized (this) {
                json.put("run", ++runs);
                results.put(key, json);
                running = null;
                changed();
            }
        });
    }

    private synchronized void printed(String text) {
        if (live.length() < LIVE_LIMIT) {
            live.append(text, 0, Math.min(text.length(), LIVE_LIMIT - live.length()));
            changed();
        }
    }

    /**
     * JShell's completions at {@code cursor} in {@code code}: {@code anchor} (where the completed word starts) and
     * {@code candidates}. None while a cell runs, since JShell does one thing at a time; holding the lock, no cell starts.
     */
    public synchronized ObjectNode complete(String code, int cursor) {
        if (cursor < 0 || cursor > code.length()) {
            throw new IllegalArgumentException("The cursor is outside the cell: reload the page.");
        }
        ObjectNode json = CellJson.JSON.createObjectNode();
        ArrayNode candidates = json.putArray("candidates");
        if (running != null) {
            json.put("anchor", cursor);
            return json;
        }
        dev.streamlab.notebook.JavaSession.Completions completions = cells.complete(code, cursor);
        json.put("anchor", completions.anchor());
        completions.candidates().stream().limit(200).forEach(candidates::add);
        return json;
    }

    /** Stops the running cell, if any; safe to press twice. */
    public void stop() {
        cells.stop();
    }

    /** Shows the next hint of cell {@code index}, if it has one more. */
    public synchronized void hint(int index) {
        if (index < 0 || index >= lesson.cells().size()) {
            throw new IllegalArgumentException(
                    "Lesson " + lesson.number() + " has no cell " + index + ": reload the page.");
        }
        Cell cell = lesson.cells().get(index);
        if (cell.hints().isEmpty()) {
            throw new IllegalArgumentException(
                    "This cell has no hint: read the text above it again, or run it as it is.");
        }
        hintsShown.merge(index, 1, (a, b) -> Math.min(a + b, cell.hints().size()));
        activity.hintAsked(
                lesson.id(),
                lesson.steps()
                                .indexOf(lesson.steps().stream()
                                        .filter(s -> s.cell() == cell)
                                        .findFirst()
                                        .orElseThrow())
                        + 1);
        changed();
    }

    private void changed() {
        version++;
        notifyAll();
    }

    /** Stops a running cell and the session's thread; the notebook itself is its owner's to close. */
    @Override
    public void close() {
        cells.stop();
        runner.shutdownNow();
    }
}
