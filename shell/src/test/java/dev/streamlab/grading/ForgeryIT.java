package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ways a student got full marks without working code, and submissions that do nothing: none earns a mark the lab's
 * behaviour did not. The learner's code runs in a JVM of its own that holds no check, seed or result channel, and the
 * checks judge what Kafka shows and what they can recompute, never what the learner's code says it did.
 */
@NeedsSandbox
class ForgeryIT {

    private static final long SEED = 20261206L;

    @ParameterizedTest(name = "{0}/{1} scores at most {2}")
    @CsvSource({
        // Doing nothing earns nothing: a negative check counts only with the positive case it guards.
        "01-keyed-producer,      does-nothing,     0",
        "02-committing-consumer, does-nothing,     0",
        "03-no-loss-producer,    does-nothing,     0",
        "04-mask-pii,            does-nothing,     0",
        "05-fraud-window,        does-nothing,     0",
        "06-queue-worker,        does-nothing,     0",
        // One constant key keeps the order but spreads nothing: only 'topic and value' is earned.
        "01-keyed-producer,      constant-key,     1",
        // A consumer that never polls and makes up records, committing the offsets the checks expect.
        "02-committing-consumer, makes-up-records, 0",
        // Maps that answer get() right while Kafka, iterating them, sees nothing.
        "03-no-loss-producer,    lying-map,        0",
        // Results written without the work, every order released and none accepted: the queue looks busy, the broker
        // counts no order done.
        "06-queue-worker,        results-without-acknowledging, 0",
        // Says each order is done before doing it: right while nothing crashes, orders lost when a worker is killed
        // (the hidden check), and a failed order cannot be released any more. Only the first two checks are earned.
        "06-queue-worker,        acks-before-work, 3",
        // Acknowledges once the result is handed to a producer that waits a second to send it: every visible check
        // passes, and the hidden check's killed workers take acknowledged orders' results with them.
        "06-queue-worker,        acks-before-the-send-completes, 7",
    })
    void noMarkWithoutTheBehaviour(String labId, String name, int most) {
        Scorecard card = Grader.ofThisJvm(step -> {})
                .grade(
                        Submissions.lab(labId.substring(0, 2)),
                        Submissions.wrong(labId, name),
                        new Grader.Options(false, OptionalLong.of(SEED)));

        assertThat(card.compiled()).as(card.compileErrors().toString()).isTrue();
        assertThat(card.points())
                .as(String.join(
                        "\n",
                        card.checks().stream()
                                .map(c -> c.status() + " " + c.fullName() + ": " + c.message())
                                .toList()))
                .isEqualTo(most);
        assertThat(card.checks()).allSatisfy(c -> assertThat(c.status()).isNotEqualTo(CheckResult.Status.NOT_RUN));
    }

    // On Java 25 too: what the learner's JVM holds and can reach is the JDK's to decide. The other ways to marks
    // without
    // work are the checks' own logic, the same on every JDK.
    @Tag(AttackCatalogueIT.JAVA_25)
    @ParameterizedTest(name = "{0}: the seed, the checks and the stack are not in the learner's JVM")
    @CsvSource({"reads-the-seed"})
    void theLearnersJvmHoldsNoSeedNoCheckAndCannotChangeTheSeed(String name) {
        // Without the API policy, which would refuse System.getProperties: the process boundary alone must hold.
        Scorecard card = Grader.ofThisJvm(step -> {})
                .grade(
                        Submissions.sandboxLab(),
                        Submissions.wrong("90-sandbox", name),
                        new Grader.Options(false, OptionalLong.of(SEED)).withoutApiPolicy());

        assertThat(card.points()).as(card.checks().toString()).isZero();
        assertThat(card.seed())
                .as("the seed the checks used, whatever the learner's code set")
                .isEqualTo(SEED);
        assertThat(card.checks())
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.message()).contains("expected: <"));
    }
}
