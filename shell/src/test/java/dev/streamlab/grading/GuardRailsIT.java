package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Submissions that exit, loop, read the hidden checks or fill the memory, graded against a tiny lab with a 3 s limit
 * per check: each costs only its own checks, with a clear message, and grading goes on to the next check.
 */
class GuardRailsIT {

    private final Lab lab = Submissions.sandboxLab();

    /**
     * Grades without the API policy, which would refuse most of these before they run (see the test after): these tests
     * are about the walls behind it.
     */
    private Scorecard grade(String name) {
        return Grader.ofThisJvm(step -> {})
                .grade(
                        lab,
                        Submissions.wrong("90-sandbox", name),
                        new Grader.Options(false, java.util.OptionalLong.of(20261125L)).withoutApiPolicy());
    }

    @Test
    @NeedsSandbox
    void withThePolicyCodeThatExitsOrReadsFilesIsRefusedBeforeItRuns() {
        for (String name : java.util.List.of("exits", "reads-hidden-checks", "forges-results")) {
            Scorecard card = Submissions.grade(lab, Submissions.wrong("90-sandbox", name));
            assertThat(card.points()).isZero();
            assertThat(card.compileErrors())
                    .as(name)
                    .hasSizeGreaterThan(1)
                    .first()
                    .asString()
                    .startsWith("Your code uses parts of Java that graded code may not use");
            assertThat(card.compileErrors()).as(name).anyMatch(e -> e.matches("sandbox/Answer\\.java:\\d+: uses .*"));
            assertThat(card.checks())
                    .hasSize(3)
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.NOT_RUN));
        }
    }

    @Test
    @NeedsSandbox
    void theSandboxSolutionScoresFullMarks() {
        Scorecard card = Submissions.grade(lab, lab.solution());
        assertThat(card.points()).isEqualTo(10);
        assertThat(card.warnings()).isEmpty();
        assertThat(card.verified()).isTrue();
    }

    @Test
    void withoutTheSandboxNothingRunsAndTheCardSaysUnverified() {
        System.setProperty(Sandbox.BWRAP_PROPERTY, "/nonexistent/bwrap");
        try {
            Scorecard card = Submissions.grade(lab, lab.solution());
            assertThat(card.points()).isZero();
            assertThat(card.verified()).isFalse();
            assertThat(card.checks()).hasSize(3).allSatisfy(c -> {
                assertThat(c.status()).isEqualTo(CheckResult.Status.NOT_RUN);
                assertThat(c.message())
                        .contains("unverified: the sandbox cannot start: bubblewrap (bwrap) is not installed");
            });
            assertThat(GradingReports.classroomResult(card))
                    .containsEntry("verified", false)
                    .containsEntry("score", 0);
        } finally {
            System.clearProperty(Sandbox.BWRAP_PROPERTY);
        }
    }

    @Test
    void theOptOutGradesWithoutTheSandboxAndSaysUnverified() {
        Scorecard card = Grader.ofThisJvm(step -> {})
                .grade(lab, lab.solution(), new Grader.Options(false, java.util.OptionalLong.of(20261125L), false));
        assertThat(card.points()).isEqualTo(10);
        assertThat(card.verified()).isFalse();
        assertThat(card.warnings())
                .anyMatch(w -> w.startsWith("unverified: graded without the sandbox (--no-sandbox)"));
    }

    @Test
    @NeedsSandbox
    void systemExitFailsEachCheckAndGradingGoesOn() {
        Scorecard card = grade("exits");
        assertThat(card.checks()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(c.message()).contains("Your code's JVM ended during this check: it called System.exit");
        });
    }

    @Test
    @NeedsSandbox
    void aCrashCostsOnlyTheCheckItHappenedIn() {
        Scorecard card = grade("crashes");
        assertThat(card.checks()).hasSize(3);
        assertThat(card.checks())
                .filteredOn(CheckResult::visible)
                .allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(card.checks()).filteredOn(c -> !c.visible()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(c.message()).contains("Your code's JVM ended during this check");
        });
        assertThat(card.points()).isEqualTo(5);
        assertThat(card.junitXml())
                .as("the grader's own report, from the scorecard")
                .get()
                .asString()
                .contains("tests=\"3\"")
                .contains("failures=\"1\"");
    }

    @Test
    @NeedsSandbox
    void anEndlessLoopTimesOutEachCheckAndGradingGoesOn() {
        Scorecard card = grade("loops");
        assertThat(card.checks()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(c.message())
                    .matches(
                            "Your code did not (answer|finish) within \\d s\\. Look for a loop or a wait that never ends\\.");
        });
        assertThat(card.duration()).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    @NeedsSandbox
    void theOverallTimeLimitStopsTheCheckJvmAndTheRestGetZero() {
        Lab strict = new Lab(
                lab.number(),
                lab.name(),
                lab.directory(),
                lab.title(),
                Duration.ofSeconds(3),
                Duration.ofSeconds(3),
                lab.heapMb(),
                lab.learnerHeapMb());
        Scorecard card = Submissions.grade(strict, Submissions.wrong("90-sandbox", "loops"));

        assertThat(card.points()).isZero();
        assertThat(card.checks()).hasSize(3).anySatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.NOT_RUN);
            assertThat(c.message()).contains("grading stopped after the lab's time limit of 3 s");
        });
        assertThat(card.duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @NeedsSandbox
    void theHiddenChecksAreNowhereTheLearnersCodeCanLook() {
        // The submission answers right only if it finds a hidden check's file anywhere it can see.
        Scorecard card = grade("reads-hidden-checks");
        assertThat(card.points()).isZero();
        // A check that walked the whole file system to the end answered wrong ("expected:"). The first walk of a cold
        // file
        // system on a busy machine may outlast the lab's 3 s per check: that check also gets 0, but proves less, so at
        // least one check must have walked to the end.
        assertThat(card.checks())
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.message()).containsAnyOf("expected:", "did not finish within"));
        assertThat(card.checks()).anySatisfy(c -> assertThat(c.message()).contains("expected:"));
    }

    @Test
    @NeedsSandbox
    void forgingResultsFindsNoChannelToWriteTo() {
        Scorecard card = grade("forges-results");
        assertThat(card.points()).isZero();
        assertThat(card.checks())
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.FAILED));
    }

    @Test
    @NeedsSandbox
    void aSubmissionCannotStandInForACheck() {
        Scorecard card = grade("shadows-a-check");
        assertThat(card.maxPoints()).isEqualTo(10);
        assertThat(card.points()).isZero();
    }

    @Test
    @NeedsSandbox
    void exhaustingMemoryFailsOnlyThatCheck() {
        Scorecard card = grade("fills-memory");
        assertThat(card.checks()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(c.message()).contains("OutOfMemoryError");
        });
    }
}
