package dev.streamlab.bench;

import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.files.FileTrees;
import dev.streamlab.grading.ClassGrading;
import dev.streamlab.grading.Grader;
import dev.streamlab.grading.GradingException;
import dev.streamlab.grading.Lab;
import dev.streamlab.grading.LabCatalog;
import dev.streamlab.grading.Scorecard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How long grading takes: one submission (target 15 s) and a class of 30 (target 2 minutes). Lab 05's class figure is
 * extrapolated, and says so in its name: 30 times the mean of a measured batch of 5. Lab 03's (the slowest lab: a
 * 3-broker cluster and a kill) is measured: {@code grade --all} of 30 copies of the reference, several at once as
 * {@link ClassGrading#workersFor} chooses, against 30 times the single-submission median (one by one).
 */
public final class GradingBenchmark implements Benchmark {

    static final int BATCH = 5;
    static final int CLASS_SIZE = 30;

    @Override
    public String name() {
        return "grading";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        LabCatalog catalog = LabCatalog.ofProject(context.projectRoot());
        Lab fraud = catalog.find("05")
                .orElseThrow(() -> new GradingException("Lab 05 is missing from " + context.projectRoot()));
        Lab noLoss = catalog.find("03")
                .orElseThrow(() -> new GradingException("Lab 03 is missing from " + context.projectRoot()));
        Grader grader = Grader.ofThisJvm(step -> {});

        List<Double> fraudRuns = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener().step("Grading lab 05's reference solution, run " + (i + 1) + " of " + context.runs());
            fraudRuns.add(seconds(grader, fraud));
        }
        List<Double> noLossRuns = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener()
                    .step("Grading lab 03's reference solution (3 brokers, a kill), run " + (i + 1) + " of "
                            + context.runs());
            noLossRuns.add(seconds(grader, noLoss));
        }
        // The sandbox's cost: the same gradings without it (--no-sandbox), interleaved so drift hits both alike.
        List<Double> fraudBare = new ArrayList<>();
        List<Double> noLossBare = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener()
                    .step("Grading lab 05 and lab 03 without the sandbox, run " + (i + 1) + " of " + context.runs());
            fraudBare.add(seconds(grader, fraud, false));
            noLossBare.add(seconds(grader, noLoss, false));
        }
        context.listener().step("Grading a batch of " + BATCH + " lab 05 submissions");
        double batch = 0;
        for (int i = 0; i < BATCH; i++) {
            batch += seconds(grader, fraud);
        }
        double perSubmission = batch / BATCH;
        int workers = ClassGrading.workersFor(noLoss);
        context.listener().step("Grading a class of " + CLASS_SIZE + " lab 03 submissions, " + workers + " at once");
        double noLossClass = classOf(grader, noLoss, workers);
        Figure noLossOne = Figure.of("grade one submission, lab 03 (3 brokers)", "s", noLossRuns, 15);
        Figure fraudOne = Figure.of("grade one submission, lab 05", "s", fraudRuns, 15);
        Figure fraudBareOne = Figure.of("grade one submission, lab 05, without the sandbox", "s", fraudBare, 15);
        Figure noLossBareOne = Figure.of("grade one submission, lab 03, without the sandbox", "s", noLossBare, 15);
        return List.of(
                fraudOne,
                noLossOne,
                fraudBareOne,
                noLossBareOne,
                Figure.of(
                        "sandbox cost, lab 05 (with / without)",
                        "x",
                        List.of(fraudOne.median() / fraudBareOne.median()),
                        1.2),
                Figure.of(
                        "sandbox cost, lab 03 (with / without)",
                        "x",
                        List.of(noLossOne.median() / noLossBareOne.median()),
                        1.2),
                Figure.of(
                        "grade 30 submissions, lab 05 (extrapolated from " + BATCH + ")",
                        "s",
                        List.of(perSubmission * CLASS_SIZE),
                        360),
                Figure.of(
                                "grade 30 submissions, lab 03 (grade --all, " + workers + " at once)",
                                "s",
                                List.of(noLossClass),
                                120)
                        .against("30 times one submission", List.of(noLossOne.median() * CLASS_SIZE)));
    }

    /** Seconds for {@code grade --all} of a class of copies of the lab's reference; every learner must get full marks. */
    private static double classOf(Grader grader, Lab lab, int workers) {
        try (ScratchDirectory scratch = ScratchDirectory.create("bench-class")) {
            List<Path> learners = new ArrayList<>();
            for (int i = 1; i <= CLASS_SIZE; i++) {
                Path learner = scratch.resolve(String.format("learner-%02d", i));
                FileTrees.copy(lab.solution(), learner);
                learners.add(learner);
            }
            long start = System.nanoTime();
            Map<String, Scorecard> cards = ClassGrading.gradeAll(
                    lab,
                    learners,
                    scratch.resolve("results"),
                    folder -> grader.grade(lab, folder, Grader.Options.all()),
                    (card, folder) -> {},
                    line -> {},
                    workers);
            double seconds = (System.nanoTime() - start) / 1e9;
            long short_ = cards.values().stream().filter(c -> !c.passed()).count();
            if (short_ > 0) {
                throw new GradingException(
                        short_ + " copies of lab " + lab.id() + "'s reference did not score full marks when"
                                + " graded " + workers + " at once; the timing would mean nothing.");
            }
            return seconds;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double seconds(Grader grader, Lab lab) {
        return seconds(grader, lab, true);
    }

    private static double seconds(Grader grader, Lab lab, boolean sandbox) {
        long start = System.nanoTime();
        Scorecard card = grader.grade(lab, lab.solution(), new Grader.Options(false, OptionalLong.empty(), sandbox));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!card.passed()) {
            throw new GradingException("The reference solution of lab " + lab.id() + " did not score full marks ("
                    + card.points() + "/" + card.maxPoints() + "); the timing would mean nothing.");
        }
        return seconds;
    }
}
