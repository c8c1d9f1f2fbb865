package dev.streamlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which steps of the built-in lessons need a cluster whose brokers streamlab may stop. */
class BrokerControlStepsTest {

    private static List<String> codeOfStepsNeedingControl(String lesson) {
        Lesson l = LessonCatalogue.builtIn().find(lesson).orElseThrow();
        return l.stepsNeedingBrokerControl().stream()
                .map(i -> l.steps().get(i).cell().code().lines().findFirst().orElse(""))
                .toList();
    }

    @Test
    void lessonZeroKillsAndRestartsALeader() {
        assertThat(codeOfStepsNeedingControl("00"))
                .containsExactly("/broker kill leader greetings 0", "/broker restart stopped");
    }

    @Test
    void lessonThreeSkipsFromEachKillToTheEndOfItsSectionIncludingNotEnoughReplicas() {
        List<String> code = codeOfStepsNeedingControl("03");
        assertThat(code).startsWith("/broker kill leader payments 0", "/partitions payments");
        assertThat(code)
                .contains(
                        "/broker kill follower payments 0",
                        "try (var strict = producer(Map.of(\"retries\", 0, \"enable.idempotence\", false))) {");
        assertThat(code)
                .as("the audit that follows in its own section still runs")
                .doesNotContain("writing.set(false);");
    }

    @Test
    void lessonsWithoutBrokerCommandsNeedNoControl() {
        assertThat(codeOfStepsNeedingControl("01")).isEmpty();
        assertThat(codeOfStepsNeedingControl("02")).isEmpty();
    }
}
