package dev.streamlab.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code grade --all}: every learner's folder graded in turn, and a class never held hostage by one of them. Whatever
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

    private ClassGrading() {
    }

    /**
     * Grades each folder, each learner's results going to {@code target/NAME}, and tells {@code progress} a line per learner.
     *
     * @return each learner's scorecard by folder name, in the order graded: every folder is there
     */
    public static Map<String, Scorecard> gradeAll(Lab lab, List<Path> folders, Path target, OneLearner grader, ResultFiles results,
                                                  Consumer<String> progress) {
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        int i = 0;
        for (Path folder : folders) {
            i++;
            String name = uniqueName(String.valueOf(folder.getFileName()), cards);
            Optional<String> reserved = reservedName(name);
            Scorecard card;
            if (reserved.isPresent()) {
                card = Grader.failed(lab, folder, new GradingException(reserved.get()));
            } else {
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
            }
            cards.put(name, card);
            progress.accept(String.format(Locale.ROOT, "[%d/%d] %s: %d/%d points (%.1f s)", i, folders.size(), VisibleText.of(name),
                    card.points(), card.maxPoints(), card.duration().toMillis() / 1000.0));
        }
        return cards;
    }

    /** The class summary table: a line per learner, with the reason when nothing could be graded. */
    public static List<String> table(Map<String, Scorecard> cards) {
        List<String> lines = new ArrayList<>();
        cards.forEach((learner, card) -> lines.add(String.format(Locale.ROOT, "%-24s %3d/%-3d %s", VisibleText.of(learner),
                card.points(), card.maxPoints(), card.passed() ? "full marks" : card.compiled() ? "" : ClassSummary.whyNotGraded(card))));
        return lines;
    }

    /**
     * Why a learner's folder of this name cannot be graded beside the class's own outputs, or empty: its results folder
     * would take the place of {@code class-summary.csv} (also on a file system that ignores case).
     */
    public static Optional<String> reservedName(String folder) {
        if (folder.equalsIgnoreCase(ClassSummary.FILE)) {
            return Optional.of("this folder is named " + ClassSummary.FILE + ", the class summary that grade --all writes beside"
                    + " the learners' results, so it is not graded; rename the folder and grade it again.");
        }
        return Optional.empty();
    }

    /** Two folders whose names read the same (bytes that are not UTF-8) both stay in the summary. */
    private static String uniqueName(String name, Map<String, Scorecard> cards) {
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
        return e instanceof Exception ex && ex.getMessage() != null && !ex.getMessage().isBlank() ? ex
                : new GradingException(reason(e), e);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return e instanceof Error ? "the grader ran into " + e.getClass().getSimpleName() + message + " while grading this folder"
                : e.getClass().getSimpleName() + message;
    }

    private static Scorecard withWarning(Scorecard card, String warning) {
        List<String> warnings = new ArrayList<>(card.warnings());
        warnings.add(Grader.printable(warning));
        return new Scorecard(card.lab(), card.submission(), card.seed(), card.visibleOnly(), card.compileErrors(), card.checks(),
                warnings, card.duration(), card.junitXml());
    }
}
