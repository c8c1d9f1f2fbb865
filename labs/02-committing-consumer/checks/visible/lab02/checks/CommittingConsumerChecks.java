package lab02.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks you can run yourself: {@code ./streamlab grade 02 --visible-only}. */
class CommittingConsumerChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @Test
    @DisplayName("a new group reads from the first record, and stops after the limit")
    @Points(2)
    @Hint("A group with no committed offset starts where auto.offset.reset says: earliest. Stop as soon as limit records are handled.")
    void readsFromTheStart(Random random) throws Exception {
        String topic = "payments-" + random.nextInt(1_000_000);
        int records = 20 + random.nextInt(30);
        ConsumerRun.createTopicWith(KAFKA.clientConfig(), topic, records);
        int limit = 5 + random.nextInt(10);
        List<String> handled = ConsumerRun.run(KAFKA.clientConfig(), topic, "group-" + topic, limit, r -> { });
        assertEquals(ConsumerRun.numbered(0, limit), handled, "The records handled with limit " + limit);
    }

    @Test
    @DisplayName("after a restart, the consumer resumes exactly where it left off")
    @Points(3)
    @Hint("Commit the offset of the last handled record plus one, not the position after poll: a poll returns more records than you handle.")
    void resumesWhereItLeftOff(Random random) throws Exception {
        String topic = "payments-" + random.nextInt(1_000_000);
        int records = 60 + random.nextInt(60);
        ConsumerRun.createTopicWith(KAFKA.clientConfig(), topic, records);
        String group = "group-" + topic;
        int first = 10 + random.nextInt(30);
        List<String> all = new ArrayList<>(ConsumerRun.run(KAFKA.clientConfig(), topic, group, first, r -> { }));
        all.addAll(ConsumerRun.run(KAFKA.clientConfig(), topic, group, records - first, r -> { }));
        assertEquals(ConsumerRun.numbered(0, records), all,
                "Stopped after " + first + " records and restarted: every record once, in order");
    }
}
