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

/** Checks the grader adds. */
class CommittingConsumerHiddenChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("when processing fails, the failed record is read again after a restart (nothing lost)")
    @Points(4)
    @Hint("Commit only after the handler returned. With enable.auto.commit=true, closing the consumer commits records you never handled.")
    void failedRecordIsReadAgain(Random random) throws Exception {
        int records = 40 + random.nextInt(40);
        ConsumerRun topic = new ConsumerRun(KAFKA, LEARNER, random, records);
        int failAt = 5 + random.nextInt(20);
        List<String> all = new ArrayList<>(topic.run(records, failAt));
        topic.assertCommitted(failAt, "when processing record " + failAt + " failed");
        all.addAll(topic.run(records - failAt));
        assertEquals(topic.values(0, records), all,
                "Processing failed at record " + failAt + ", then the consumer restarted: every record once, in order");
    }

    @Test
    @DisplayName("three restarts in a row: nothing read twice, nothing skipped")
    @Points(3)
    @Hint("Each run must start at the committed offset of the run before. Commit synchronously before you return.")
    void manyRestarts(Random random) throws Exception {
        int records = 90 + random.nextInt(30);
        ConsumerRun topic = new ConsumerRun(KAFKA, LEARNER, random, records);
        List<String> all = new ArrayList<>();
        int left = records;
        for (int run = 0; run < 3; run++) {
            int limit = 5 + random.nextInt(25);
            all.addAll(topic.run(limit));
            left -= limit;
            topic.assertCommitted(records - left, "after run " + (run + 1));
        }
        all.addAll(topic.run(left));
        assertEquals(topic.values(0, records), all, "Four runs of the consumer in one group");
    }
}
