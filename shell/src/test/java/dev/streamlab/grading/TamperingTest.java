package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.grading.child.CheckEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner reports each check once and nothing after its end; events that break that rule were forged. */
class TamperingTest {

    private static CheckProcess.Outcome outcome(CheckEvent... events) {
        return new CheckProcess.Outcome(List.of(events), false, 0, "", Optional.empty());
    }

    private static final CheckEvent PLANNED = CheckEvent.planned("a", "C", "a()", 1, "");

    @Test
    void anHonestRunIsNotTamperedWith() {
        assertThat(outcome(
                                PLANNED,
                                CheckEvent.started("a"),
                                CheckEvent.finished("a", CheckEvent.FAILED, "no", 1),
                                CheckEvent.done())
                        .tampering())
                .isEmpty();
    }

    @Test
    void aCheckReportedTwiceIsForgery() {
        assertThat(outcome(
                                PLANNED,
                                CheckEvent.finished("a", CheckEvent.PASSED, "", 1),
                                CheckEvent.finished("a", CheckEvent.FAILED, "no", 1))
                        .tampering())
                .contains("a check was reported twice");
    }

    @Test
    void anythingAfterTheEndIsForgery() {
        assertThat(outcome(PLANNED, CheckEvent.done(), CheckEvent.finished("a", CheckEvent.PASSED, "", 1))
                        .tampering())
                .contains("results arrived after the check JVM said it was done");
    }
}
