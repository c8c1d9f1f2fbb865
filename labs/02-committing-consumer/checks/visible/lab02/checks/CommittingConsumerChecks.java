package lab02.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks you can run yourself: {@code ./streamlab grade 02 --visible-only}. Your code runs in a JVM of its own. */
class CommittingConsumerChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("a new group reads from the first record, stops after the limit, and commits just that")
    @Points(2)
    @Hint("A group with no committed offset starts where auto.offset.reset says: earliest. Stop as soon as limit records are handled.")
    void readsFromTheStart(Random random) throws Exception {
        ConsumerRun topic = new ConsumerRun(KAFKA, LEARNER, random, 20 + random.nextInt(30));
        int limit = 5 + random.nextInt(10);
        List<String> handled = topic.run(limit);
        assertEquals(topic.values(0, limit), handled, "The records handled with limit " + limit);
        topic.assertCommitted(limit, "after handling " + limit + " records");
    }

    @Test
    @DisplayName("after a restart, the consumer resumes exactly where it left off")
    @Points(3)
    @Hint("Commit the offset of the last handled record plus one, not the position after poll: a poll returns more records than you handle.")
    void resumesWhereItLeftOff(Random random) throws Exception {
        int records = 60 + random.nextInt(60);
        ConsumerRun topic = new ConsumerRun(KAFKA, LEARNER, random, records);
        int first = 10 + random.nextInt(30);
        List<String> all = new ArrayList<>(topic.run(first));
        topic.assertCommitted(first, "after the first run");
        all.addAll(topic.run(records - first));
        assertEquals(topic.values(0, records), all, "Stopped after " + first + " records and restarted: every record once, in order");
        topic.assertCommitted(records, "after the second run");
    }
}
