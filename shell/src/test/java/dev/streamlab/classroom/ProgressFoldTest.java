package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fold of the class's events, on scripted sequences, in Kafka Streams' TopologyTestDriver. */
class ProgressFoldTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final long MIN = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> topic;
    private ProgressFold fold;
    private final List<String> changed = new ArrayList<>();

    @BeforeEach
    void start() {
        fold = new ProgressFold(changed::add);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "class-watch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(fold.topology(), props);
        topic = driver.createInputTopic(ProgressEvent.TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static ProgressEvent event(
            String learner,
            String session,
            long seq,
            long at,
            String type,
            String lesson,
            Integer step,
            String outcome) {
        return new ProgressEvent(
                1,
                learner,
                session,
                seq,
                at,
                type,
                lesson,
                step,
                outcome,
                ProgressEvent.FAILED.equals(outcome) ? "prints 3 records" : null,
                null,
                null);
    }

    private void send(ProgressEvent... events) throws Exception {
        for (ProgressEvent e : events) {
            topic.pipeInput(e.learner(), JSON.writeValueAsBytes(e));
        }
    }

    private ClassView view(long now) {
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(ProgressFold.STORE);
        List<LearnerState> states = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining((KeyValue<String, LearnerState> kv) -> states.add(kv.value));
        }
        return ClassView.of(states, now, ClassView.StuckRule.DEFAULT, fold.rejected());
    }

    @Test
    void threeFailuresMakeALearnerStuckAndPassingOrMovingOnUnsticksThem() throws Exception {
        send(
                event("ada", "s1", 0, T0, ProgressEvent.SESSION_STARTED, null, null, null),
                event("ada", "s1", 1, T0, ProgressEvent.STEP_REACHED, "01-the-log", 2, null),
                event("ada", "s1", 2, T0 + 10_000, ProgressEvent.CELL_RUN, "01-the-log", 2, ProgressEvent.FAILED),
                event(
                        "ada",
                        "s1",
                        3,
                        T0 + 20_000,
                        ProgressEvent.CELL_RUN,
                        "01-the-log",
                        2,
                        ProgressEvent.DID_NOT_COMPILE));
        assertThat(view(T0 + 30_000).learner("ada").stuck()).isFalse();
        assertThat(view(T0 + 30_000).learner("ada").lastFailure()).isEqualTo("did not compile");

        send(event("ada", "s1", 4, T0 + 30_000, ProgressEvent.CELL_RUN, "01-the-log", 2, ProgressEvent.FAILED));
        ClassView.Learner ada = view(T0 + 40_000).learner("ada");
        assertThat(ada.failures()).isEqualTo(3);
        assertThat(ada.stuck()).isTrue();
        assertThat(ada.secondsOnStep()).isEqualTo(40);
        assertThat(view(T0 + 40_000).step("01-the-log", 2)).isEqualTo(new ClassView.StepRow("01-the-log", 2, 1, 1, 0));

        send(event("ada", "s1", 5, T0 + 50_000, ProgressEvent.CELL_RUN, "01-the-log", 2, ProgressEvent.PASSED));
        assertThat(view(T0 + 60_000).learner("ada").stuck())
                .as("passed, so no longer stuck")
                .isFalse();

        send(event("ada", "s1", 6, T0 + 70_000, ProgressEvent.STEP_REACHED, "01-the-log", 3, null));
        ClassView moved = view(T0 + 80_000);
        assertThat(moved.learner("ada").failures()).isZero();
        assertThat(moved.learner("ada").step()).isEqualTo(3);
        assertThat(moved.learner("ada").secondsOnStep()).isEqualTo(10);
    }

    @Test
    void onAClassClusterAnEventCountsForTheLearnerWhoseTopicItIsInOnlyIfItNamesThem() throws Exception {
        driver.close();
        fold = new ProgressFold(ProgressFold.Source.LEARNER_TOPICS, changed::add);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "class-watch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(fold.topology(), props);
        var ana = driver.createInputTopic(
                ProgressEvent.topicOf("ana"), new StringSerializer(), new ByteArraySerializer());
        ProgressEvent own = event("ana", "s1", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 2, null);
        ProgressEvent asBob =
                event("bob", "s1", 1, T0, ProgressEvent.LESSON_FINISHED, "05-stream-processing", null, null);
        ana.pipeInput("ana", JSON.writeValueAsBytes(own));
        ana.pipeInput("bob", JSON.writeValueAsBytes(asBob));
        ana.pipeInput(
                "ana",
                JSON.writeValueAsBytes(new ProgressEvent(
                        1, "bob", "s1", 2, T0, ProgressEvent.HINT_ASKED, "01-the-log", 2, null, null, null, null)));

        ClassView view = view(T0);
        assertThat(view.learners()).extracting(ClassView.Learner::name).containsExactly("ana");
        assertThat(view.learner("ana").step()).isEqualTo(2);
        assertThat(view.rejected()).isEqualTo(2);
    }

    @Test
    void moreThanFiveMinutesOnAStepWithoutPassingIsStuck() throws Exception {
        send(event("bo", "s1", 0, T0, ProgressEvent.STEP_REACHED, "02-consumer-positions", 4, null));
        assertThat(view(T0 + 5 * MIN).learner("bo").stuck())
                .as("exactly five minutes")
                .isFalse();
        assertThat(view(T0 + 5 * MIN + 1_000).learner("bo").stuck()).isTrue();
    }

    @Test
    void aReSentEventCountsOnceAndALateOneDoesNotMoveTheLearnerBack() throws Exception {
        ProgressEvent fail =
                event("cy", "s1", 1, T0 + 10_000, ProgressEvent.CELL_RUN, "01-the-log", 5, ProgressEvent.FAILED);
        send(event("cy", "s1", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 5, null), fail, fail, fail);
        assertThat(view(T0 + 20_000).learner("cy").failures()).isEqualTo(1);
        assertThat(changed).hasSize(2);

        // Step 6 reached at +30 s arrives before step 5's hint of +20 s and a re-sent step 5 (seq 0).
        send(
                event("cy", "s1", 3, T0 + 30_000, ProgressEvent.STEP_REACHED, "01-the-log", 6, null),
                event("cy", "s1", 2, T0 + 20_000, ProgressEvent.HINT_ASKED, "01-the-log", 5, null),
                event("cy", "s1", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 5, null));
        ClassView.Learner cy = view(T0 + 40_000).learner("cy");
        assertThat(cy.step()).isEqualTo(6);
        assertThat(cy.hints()).as("the late hint still counts in the total").isEqualTo(1);
        assertThat(cy.secondsOnStep()).isEqualTo(10);
        assertThat(view(T0 + 40_000).step("01-the-log", 6).here()).isEqualTo(1);
    }

    @Test
    void aLearnerWhoRestartsOnTheSameStepKeepsTimeAndFailuresAndTheirNewSequenceIsNotTakenForDuplicates()
            throws Exception {
        send(
                event("di", "s1", 0, T0, ProgressEvent.STEP_REACHED, "03-replication-and-failover", 2, null),
                event(
                        "di",
                        "s1",
                        1,
                        T0 + 10_000,
                        ProgressEvent.CELL_RUN,
                        "03-replication-and-failover",
                        2,
                        ProgressEvent.FAILED),
                event(
                        "di",
                        "s1",
                        2,
                        T0 + 20_000,
                        ProgressEvent.CELL_RUN,
                        "03-replication-and-failover",
                        2,
                        ProgressEvent.FAILED));
        // The shell restarts: a new session whose numbers start at 0 again.
        send(
                event("di", "s2", 0, T0 + 60_000, ProgressEvent.SESSION_STARTED, null, null, null),
                event("di", "s2", 1, T0 + 61_000, ProgressEvent.STEP_REACHED, "03-replication-and-failover", 2, null),
                event(
                        "di",
                        "s2",
                        2,
                        T0 + 70_000,
                        ProgressEvent.CELL_RUN,
                        "03-replication-and-failover",
                        2,
                        ProgressEvent.FAILED));
        ClassView.Learner di = view(T0 + 80_000).learner("di");
        assertThat(di.failures()).isEqualTo(3);
        assertThat(di.secondsOnStep()).isEqualTo(80);
        assertThat(di.stuck()).isTrue();
    }

    @Test
    void perStepCountsWhoIsHereWhoIsStuckAndWhoIsPastItAndLabsAndFinishedLessonsAreKept() throws Exception {
        send(
                event("ada", "a", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 2, null),
                event("bo", "b", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 4, null),
                event("cy", "c", 0, T0, ProgressEvent.LESSON_FINISHED, "01-the-log", null, null),
                event("cy", "c", 1, T0, ProgressEvent.STEP_REACHED, "02-consumer-positions", 1, null),
                new ProgressEvent(
                        1, "cy", "c", 2, T0, ProgressEvent.LAB_GRADED, "01-keyed-producer", null, null, null, 7, 10));
        ClassView view = view(T0 + 6 * MIN);
        assertThat(view.steps())
                .containsExactly(
                        new ClassView.StepRow("01-the-log", 2, 1, 1, 2),
                        new ClassView.StepRow("01-the-log", 4, 1, 1, 1),
                        new ClassView.StepRow("02-consumer-positions", 1, 1, 1, 0));
        assertThat(view.learner("cy").finished()).containsExactly("01-the-log");
        assertThat(view.learner("cy").labs()).containsEntry("01-keyed-producer", "7/10");
    }

    @Test
    void eventsThatBreakTheSchemaOrSpeakForAnotherLearnerAreLeftOutAndCounted() throws Exception {
        topic.pipeInput("ada", "not json".getBytes(StandardCharsets.UTF_8));
        topic.pipeInput("ada", (byte[]) null);
        ProgressEvent asBo = event("bo", "s", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 1, null);
        topic.pipeInput("ada", JSON.writeValueAsBytes(asBo));
        topic.pipeInput(
                "ada",
                JSON.writeValueAsBytes(new ProgressEvent(
                        2, "ada", "s", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 1, null, null, null, null)));
        topic.pipeInput(
                "ada", JSON.writeValueAsBytes(event("ada", "s", 1, T0, "deleted-everything", "01-the-log", 1, null)));
        topic.pipeInput(
                "ada", JSON.writeValueAsBytes(event("ada", "s", 2, T0, ProgressEvent.STEP_REACHED, null, null, null)));
        topic.pipeInput(
                "<script>",
                JSON.writeValueAsBytes(
                        event("<script>", "s", 0, T0, ProgressEvent.STEP_REACHED, "01-the-log", 1, null)));
        ClassView view = view(T0);
        assertThat(view.learners()).isEmpty();
        assertThat(view.rejected()).isEqualTo(7);
        // A newer version's extra fields are ignored, not fatal.
        topic.pipeInput(
                "ada",
                ("{\"v\":1,\"learner\":\"ada\",\"session\":\"s\",\"seq\":0,\"at\":" + T0
                                + ",\"type\":\"step-reached\",\"lesson\":\"01-the-log\",\"step\":1,\"mood\":\"happy\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(view(T0).learner("ada").step()).isEqualTo(1);
    }

    @Test
    void theSchemaDocumentedInTheInstructorsGuideIsWhatThePublisherWrites() throws Exception {
        String json = JSON.writeValueAsString(new ProgressEvent(
                1,
                "ada",
                "s",
                3,
                T0,
                ProgressEvent.CELL_RUN,
                "01-the-log",
                2,
                ProgressEvent.FAILED,
                "prints 3 records",
                null,
                null));
        assertThat(json)
                .isEqualTo("{\"v\":1,\"learner\":\"ada\",\"session\":\"s\",\"seq\":3,\"at\":" + T0
                        + ",\"type\":\"cell-run\",\"lesson\":\"01-the-log\",\"step\":2,\"outcome\":\"failed\","
                        + "\"expectation\":\"prints 3 records\"}");
        assertThat(Files.readString(Path.of("../docs/instructor.adoc")))
                .contains(json.replace(String.valueOf(T0), "1764766800000"));
    }
}
