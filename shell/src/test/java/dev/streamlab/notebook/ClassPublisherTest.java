package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.classroom.ProgressEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The learner's side with nobody answering: the buffer's bound, and names the class refuses. */
class ClassPublisherTest {

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Test
    void aFullBufferLetsTheOldestEventsGoAndNeverBlocksTheLesson() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (ClassPublisher publisher =
                ClassPublisher.start("127.0.0.1:" + closedPort(), "Ada", warnings::add, 5, Clock.systemUTC())) {
            for (int step = 1; step <= 20; step++) {
                publisher.stepReached("01-the-log", step);
            }
            // 21 events (with session-started) into 5 places; the sender may hold one more, in flight.
            assertThat(publisher.waiting()).isLessThanOrEqualTo(5);
            assertThat(publisher.dropped()).isBetween(15L, 17L);
            Awaitility.await("one warning").atMost(Duration.ofSeconds(20)).until(() -> !warnings.isEmpty());
            assertThat(warnings).hasSize(1);
            assertThat(publisher.sent()).isZero();
        }
    }

    @Test
    void aNameThatIsNotARosterNameIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> ClassPublisher.start("127.0.0.1:9", "<b>x</b>", w -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one a class accepts");
        assertThat(ProgressEvent.isValidName("Zoë O'Brien-Smith")).isTrue();
        assertThat(ProgressEvent.isValidName(" ada")).isFalse();
        assertThat(ProgressEvent.isValidName("a".repeat(41))).isFalse();
    }
}
