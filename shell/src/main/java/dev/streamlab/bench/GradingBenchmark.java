package dev.streamlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dev.streamlab.grading.Grader;
import dev.streamlab.grading.GradingException;
import dev.streamlab.grading.Lab;
import dev.streamlab.grading.LabCatalog;
import dev.streamlab.grading.Scorecard;

/**
 * How long grading takes: one submission (target 15 s) and a class of 30 (target 6 minutes).
 * The class figures are extrapolated, and say so in their names: 30 times the mean of a measured batch of 5
 * (lab 5), and 30 times the single-submission median (lab 3, the slowest lab: a 3-broker cluster and a kill).
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
        Lab fraud = catalog.find("05").orElseThrow(() -> new GradingException("Lab 05 is missing from " + context.projectRoot()));
        Lab noLoss = catalog.find("03").orElseThrow(() -> new GradingException("Lab 03 is missing from " + context.projectRoot()));
        Grader grader = Grader.ofThisJvm(step -> { });

        List<Double> fraudRuns = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener().step("Grading lab 05's reference solution, run " + (i + 1) + " of " + context.runs());
            fraudRuns.add(seconds(grader, fraud));
        }
        List<Double> noLossRuns = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener().step("Grading lab 03's reference solution (3 brokers, a kill), run " + (i + 1) + " of " + context.runs());
            noLossRuns.add(seconds(grader, noLoss));
        }
        // The sandbox's cost: the same gradings without it (--no-sandbox), interleaved so drift hits both alike.
        List<Double> fraudBare = new ArrayList<>();
        List<Double> noLossBare = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            context.listener().step("Grading lab 05 and lab 03 without the sandbox, run " + (i + 1) + " of " + context.runs());
            fraudBare.add(seconds(grader, fraud, false));
            noLossBare.add(seconds(grader, noLoss, false));
        }
        context.listener().step("Grading a batch of " + BATCH + " lab 05 submissions");
        double batch = 0;
        for (int i = 0; i < BATCH; i++) {
            batch += seconds(grader, fraud);
        }
        double perSubmission = batch / BATCH;
        Figure noLossOne = Figure.of("grade one submission, lab 03 (3 brokers)", "s", noLossRuns, 15);
        Figure fraudOne = Figure.of("grade one submission, lab 05", "s", fraudRuns, 15);
        Figure fraudBareOne = Figure.of("grade one submission, lab 05, without the sandbox", "s", fraudBare, 15);
        Figure noLossBareOne = Figure.of("grade one submission, lab 03, without the sandbox", "s", noLossBare, 15);
        return List.of(
                fraudOne,
                noLossOne,
                fraudBareOne,
                noLossBareOne,
                Figure.of("sandbox cost, lab 05 (with / without)", "x", List.of(fraudOne.median() / fraudBareOne.median()), 1.2),
                Figure.of("sandbox cost, lab 03 (with / without)", "x", List.of(noLossOne.median() / noLossBareOne.median()), 1.2),
                Figure.of("grade 30 submissions, lab 05 (extrapolated from " + BATCH + ")", "s",
                        List.of(perSubmission * CLASS_SIZE), 360),
                Figure.of("grade 30 submissions, lab 03 (extrapolated from the median of one)", "s",
                        List.of(noLossOne.median() * CLASS_SIZE), 360));
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
