package dev.streamlab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.streamlab.streams.JsonSerde;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of the instructor's view: the class topic folded, event by event, into one
 * {@link LearnerState} per learner in the state store {@link #STORE}, which the view reads by interactive queries.
 *
 * <p>The fold's rules: an event already folded (same learner, session and sequence) is left out; the learner's position
 * moves to a step only with an event newer than the one that brought them where they are (a late event does not move
 * them back, a {@code /back} does); failures and hints count for the step they name when it is the learner's current
 * one; a new session (a restart) on the same step keeps its time and failures. Events that break the schema are
 * counted and left out.
 *
 * <p>Whose an event is: on a plain class server, the event says so (anyone who reaches it may write in any name); on a
 * secure class cluster ({@link Source#LEARNER_TOPICS}), the topic it was read from, which only its learner may write,
 * and an event that names anyone else is left out.
 */
public final class ProgressFold {

    public static final String STORE = "class-learners";
    private static final ObjectReader EVENTS = new ObjectMapper().readerFor(ProgressEvent.class);

    /** Where the events are read from. */
    public enum Source {
        /** {@link ProgressEvent#TOPIC} on a plain broker: the event's own learner field is believed. */
        PLAIN_SERVER,
        /** Every {@code streamlab-progress.NAME} topic of a secure class cluster: the topic names the learner. */
        LEARNER_TOPICS
    }

    private final Source source;
    private final Consumer<String> changed;
    private final AtomicLong rejected = new AtomicLong();

    /** A fold of a plain class server's topic. */
    public ProgressFold(Consumer<String> changed) {
        this(Source.PLAIN_SERVER, changed);
    }

    /** {@code changed} hears each learner whose state an event changed, on the stream thread (it must be quick). */
    public ProgressFold(Source source, Consumer<String> changed) {
        this.source = source;
        this.changed = changed;
    }

    /** Events left out because they broke the schema. */
    public long rejected() {
        return rejected.get();
    }

    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        // In memory and without a changelog: the class topic is the log, and --from-beginning rebuilds from it.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(STORE), Serdes.String(), JsonSerde.of(LearnerState.class))
                .withLoggingDisabled());
        Consumed<String, byte[]> consumed = Consumed.with(Serdes.String(), Serdes.ByteArray());
        (source == Source.PLAIN_SERVER
                        ? builder.stream(ProgressEvent.TOPIC, consumed)
                        : builder.stream(ProgressEvent.LEARNER_TOPICS, consumed))
                .process(FoldProcessor::new, STORE);
        return builder.build();
    }

    private final class FoldProcessor implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, LearnerState> store;
        private ProcessorContext<Void, Void> context;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            store = context.getStateStore(STORE);
        }

        /** The name the event must carry: the topic's owner on a class cluster, the record's key on a plain server. */
        private String writer(Record<String, byte[]> record) {
            if (source == Source.PLAIN_SERVER) {
                return record.key();
            }
            return context.recordMetadata()
                    .flatMap(m -> ProgressEvent.ownerOf(m.topic()))
                    .orElse(null);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            ProgressEvent event;
            try {
                event = record.value() == null ? null : EVENTS.readValue(record.value());
            } catch (IOException | RuntimeException e) {
                event = null;
            }
            String writer = writer(record);
            if (event == null
                    || writer == null
                    || event.problem(record.key()) != null
                    || !writer.equals(event.learner())) {
                rejected.incrementAndGet();
                return;
            }
            LearnerState state = store.get(event.learner());
            if (state == null) {
                state = new LearnerState();
                state.learner = event.learner();
            }
            if (!fold(state, event)) {
                return;
            }
            store.put(event.learner(), state);
            changed.accept(event.learner());
        }
    }

    /** Folds one event into a learner's state; false when it was folded before. */
    static boolean fold(LearnerState state, ProgressEvent event) {
        if (!state.seen
                .computeIfAbsent(event.session(), s -> new LearnerState.SeqWindow())
                .add(event.seq())) {
            return false;
        }
        if (event.at() >= state.lastSeen) {
            state.lastSeen = event.at();
            state.session = event.session();
        }
        switch (event.type()) {
            case ProgressEvent.STEP_REACHED -> reach(state, event);
            case ProgressEvent.CELL_RUN -> {
                reach(state, event);
                if (isCurrent(state, event)) {
                    if (event.outcome().equals(ProgressEvent.PASSED)) {
                        state.passed = true;
                    } else {
                        state.failures++;
                        state.lastFailure = event.outcome().equals(ProgressEvent.DID_NOT_COMPILE)
                                ? "did not compile"
                                : event.expectation();
                    }
                }
            }
            case ProgressEvent.HINT_ASKED -> {
                state.hints++;
                reach(state, event);
                if (isCurrent(state, event)) {
                    state.hintsOnStep++;
                }
            }
            case ProgressEvent.LESSON_FINISHED -> state.finished.add(event.lesson());
            case ProgressEvent.LAB_GRADED -> state.labs.put(event.lesson(), event.score() + "/" + event.maxScore());
            default -> {
                // session-started: only the session and the time, above.
            }
        }
        return true;
    }

    /** The learner is at the event's step from its time on, unless a newer event put them elsewhere. */
    private static void reach(LearnerState state, ProgressEvent event) {
        if (isCurrent(state, event)) {
            state.stepSince = Math.min(state.stepSince, event.at());
            return;
        }
        if (state.lesson == null || event.at() >= state.stepSince) {
            state.lesson = event.lesson();
            state.step = event.step();
            state.stepSince = event.at();
            state.failures = 0;
            state.hintsOnStep = 0;
            state.passed = false;
            state.lastFailure = null;
        }
    }

    private static boolean isCurrent(LearnerState state, ProgressEvent event) {
        return state.lesson != null && state.lesson.equals(event.lesson()) && state.step == event.step();
    }
}
