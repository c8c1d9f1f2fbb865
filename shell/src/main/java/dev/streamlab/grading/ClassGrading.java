package dev.streamlab.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code grade --all}: every learner's folder graded, several at once, and a class never held hostage by one of them. Whatever
 * grading or writing one learner's results throws (an exception, a {@link StackOverflowError}, an
 * {@link OutOfMemoryError}), that learner gets 0 with the reason and the next one is graded; a folder named as one of
 * the class's own outputs ({@link ClassSummary#FILE}) is refused with a sentence, never graded into a results folder
 * that would take that output's place. Names are shown with {@link VisibleText}. Never prints: lines go to a listener.
 */
public final class ClassGrading {

    /** Grades one learner's folder; may throw anything. */
    @FunctionalInterface
    public interface OneLearner {
        Scorecard grade(Path folder) throws Exception;
    }

    /** Writes one learner's result files into the folder given; may throw anything. */
    @FunctionalInterface
    public interface ResultFiles {
        void write(Scorecard card, Path folder) throws Exception;
    }

    private ClassGrading() {}

    /** Grades each folder in turn; see {@link #gradeAll(Lab, List, Path, OneLearner, ResultFiles, Consumer, int)}. */
    public static Map<String, Scorecard> gradeAll(
            Lab lab,
            List<Path> folders,
            Path target,
            OneLearner grader,
            ResultFiles results,
            Consumer<String> progress) {
        return gradeAll(lab, folders, target, grader, results, progress, 1);
    }

    /**
     * Grades each folder, each learner's results going to {@code target/NAME}, and tells {@code progress} a line per learner
     * as each is done. {@code workers} learners are graded at once: each grading is processes of its own (a check JVM, the
     * learner's JVM, in sandboxes of their own), so they share nothing but the compiled checks, which are compiled once.
     *
     * @return each learner's scorecard by folder name, in the order of {@code folders}: every folder is there
     */
    public static Map<String, Scorecard> gradeAll(
            Lab lab,
            List<Path> folders,
            Path target,
            OneLearner grader,
            ResultFiles results,
            Consumer<String> progress,
            int workers) {
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path folder : folders) {
            named.put(uniqueName(String.valueOf(folder.getFileName()), named), folder);
        }
        Map<String, Scorecard> cards = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, named.size())), r -> {
            Thread t = new Thread(r, "streamlab-grade");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            named.forEach((name, folder) -> running.add(pool.submit(() -> {
                Scorecard card = gradeOne(lab, folder, name, target, grader, results);
                cards.put(name, card);
                synchronized (progress) {
                    progress.accept(String.format(
                            Locale.ROOT,
                            "[%d/%d] %s: %d/%d points (%.1f s)",
                            done.incrementAndGet(),
                            named.size(),
                            VisibleText.of(name),
                            card.points(),
                            card.maxPoints(),
                            card.duration().toMillis() / 1000.0));
                }
            })));
            for (Future<?> f : running) {
                awaitQuietly(f);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Scorecard> ordered = new LinkedHashMap<>();
        named.keySet().forEach(name -> ordered.put(name, cards.get(name)));
        return ordered;
    }

    /** One learner: whatever grading or writing throws becomes 0 points with the reason, never an exception. */
    private static Scorecard gradeOne(
            Lab lab, Path folder, String name, Path target, OneLearner grader, ResultFiles results) {
        Optional<String> reserved = reservedName(name);
        if (reserved.isPresent()) {
            return Grader.failed(lab, folder, new GradingException(reserved.get()));
        }
        Scorecard card;
        try {
            card = grader.grade(folder);
        } catch (Throwable e) {
            card = Grader.failed(lab, folder, asException(e));
        }
        try {
            results.write(card, target.resolve(folder.getFileName()));
        } catch (Throwable e) {
            card = withWarning(card, "The results of this learner could not be written: " + reason(e));
        }
        return card;
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("Grading was interrupted.", e);
        } catch (ExecutionException e) {
            // gradeOne catches everything: only the progress listener can throw here, and it must not stop the class.
        }
    }

    /**
     * How many learners to grade at once on this machine: one more than the cores (a grading spends much of its time
     * waiting for brokers and processes: on 2 cores, 3 at once graded lab 03 in 4.6 s a learner against 8.3 s one by one,
     * and 4 at once no faster), and no more than half the memory holds (each grading has a check JVM with its brokers and
     * the learner's JVM: about their heaps and a gigabyte beside).
     */
    public static int workersFor(Lab lab) {
        long perGrading = ((long) lab.heapMb() + lab.learnerHeapMb() + 1024) << 20;
        long memory = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : 4L << 30;
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() + 1, memory / 2 / perGrading));
    }

    /** The class summary table: a line per learner, with the reason when nothing could be graded. */
    public static List<String> table(Map<String, Scorecard> cards) {
        List<String> lines = new ArrayList<>();
        cards.forEach((learner, card) -> lines.add(String.format(
                Locale.ROOT,
                "%-24s %3d/%-3d %s",
                VisibleText.of(learner),
                card.points(),
                card.maxPoints(),
                card.passed() ? "full marks" : card.compiled() ? "" : ClassSummary.whyNotGraded(card))));
        return lines;
    }

    /**
     * Why a learner's folder of this name cannot be graded beside the class's own outputs, or empty: its results folder
     * would take the place of {@code class-summary.csv} (also on a file system that ignores case).
     */
    public static Optional<String> reservedName(String folder) {
        if (folder.equalsIgnoreCase(ClassSummary.FILE)) {
            return Optional.of(
                    "this folder is named " + ClassSummary.FILE + ", the class summary that grade --all writes beside"
                            + " the learners' results, so it is not graded; rename the folder and grade it again.");
        }
        return Optional.empty();
    }

    /** Two folders whose names read the same (bytes that are not UTF-8) both stay in the summary. */
    private static String uniqueName(String name, Map<String, ?> cards) {
        String unique = name;
        for (int n = 2; cards.containsKey(unique); n++) {
            unique = name + " (" + n + ")";
        }
        return unique;
    }

    private static Exception asException(Throwable e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e instanceof Exception ex
                        && ex.getMessage() != null
                        && !ex.getMessage().isBlank()
                ? ex
                : new GradingException(reason(e), e);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return e instanceof Error
                ? "the grader ran into " + e.getClass().getSimpleName() + message + " while grading this folder"
                : e.getClass().getSimpleName() + message;
    }

    private static Scorecard withWarning(Scorecard card, String warning) {
        List<String> warnings = new ArrayList<>(card.warnings());
        warnings.add(PrintableText.of(warning));
        return new Scorecard(
                card.lab(),
                card.submission(),
                card.seed(),
                card.visibleOnly(),
                card.compileErrors(),
                card.checks(),
                warnings,
                card.duration(),
                card.junitXml());
    }
}
