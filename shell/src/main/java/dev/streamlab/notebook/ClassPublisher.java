package dev.streamlab.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.ProgressEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A learner's shell publishing its progress to the class topic on the instructor's cluster, without ever slowing or
 * breaking the lesson: an event goes into a bounded buffer and returns at once; one background thread sends the
 * buffer in order with an idempotent producer and waits, retrying, while the class server cannot be reached (one
 * warning line the first time). When the buffer is full the oldest event gives way (the view then misses it; the lesson
 * goes on). A retried event keeps its sequence number, so the view counts it once.
 */
public final class ClassPublisher implements LearnerActivity, AutoCloseable {

    /** Enough for a whole day of a busy learner (a few hundred events) many times over. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final ObjectWriter JSON = new ObjectMapper().writerFor(ProgressEvent.class);

    private final String learner;
    private final String session = UUID.randomUUID().toString();
    private final String server;
    private final String topic;
    private final boolean secure;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final int capacity;
    private final LinkedBlockingDeque<ProgressEvent> buffer;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final KafkaProducer<String, byte[]> producer;
    private final Thread sender;
    private volatile boolean closing;

    private ClassPublisher(
            Map<String, Object> clientConfig,
            String topic,
            String learner,
            Consumer<String> warnings,
            int capacity,
            Clock clock) {
        if (!ProgressEvent.isValidName(learner)) {
            throw new IllegalArgumentException(
                    "The learner's name '" + learner + "' is not one a class accepts: use 1 to"
                            + " 40 letters, digits, spaces, dots, hyphens or apostrophes, starting with a letter or digit.");
        }
        this.server = String.valueOf(clientConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.topic = topic;
        this.secure = !topic.equals(ProgressEvent.TOPIC);
        this.learner = learner;
        this.warnings = warnings;
        this.capacity = capacity;
        this.clock = clock;
        this.buffer = new LinkedBlockingDeque<>(capacity);
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "streamlab-class-publisher",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // The sender thread waits here, not the lesson; short, so it can warn and try again.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.sender = new Thread(this::sendLoop, "streamlab-class-publisher");
        sender.setDaemon(true);
    }

    /**
     * Publishes as {@code learner} to the class server at {@code server} ({@code host:port}); {@code warnings} hears
     * one sentence when the server cannot be reached (the shell prints it once).
     */
    public static ClassPublisher start(String server, String learner, Consumer<String> warnings) {
        return start(server, learner, warnings, DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public static ClassPublisher start(
            String server, String learner, Consumer<String> warnings, int capacity, Clock clock) {
        return start(new ClassPublisher(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, server),
                ProgressEvent.TOPIC,
                learner,
                warnings,
                capacity,
                clock));
    }

    /**
     * Publishes as the learner of {@code join} to their own progress topic on the class cluster, logged in with their
     * credentials: the cluster takes events there from them alone.
     */
    public static ClassPublisher start(JoinFile join, Consumer<String> warnings) {
        return start(join, warnings, DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public static ClassPublisher start(JoinFile join, Consumer<String> warnings, int capacity, Clock clock) {
        return start(new ClassPublisher(
                join.clientConfig(), ProgressEvent.topicOf(join.learner()), join.learner(), warnings, capacity, clock));
    }

    private static ClassPublisher start(ClassPublisher publisher) {
        publisher.sender.start();
        publisher.publish(ProgressEvent.SESSION_STARTED, null, null, null, null, null, null);
        return publisher;
    }

    public String session() {
        return session;
    }

    @Override
    public void stepReached(String lesson, int step) {
        publish(ProgressEvent.STEP_REACHED, lesson, step, null, null, null, null);
    }

    @Override
    public void cellRun(String lesson, int step, CellResult result) {
        String outcome;
        String expectation = null;
        if (result.passed()) {
            outcome = ProgressEvent.PASSED;
        } else if (result.outcome() == JavaOutcome.COMPILE_ERROR) {
            outcome = ProgressEvent.DID_NOT_COMPILE;
        } else {
            outcome = ProgressEvent.FAILED;
            // The lesson's own words only: the problem sentence or the output may hold the learner's code.
            expectation = result.checks().stream()
                    .filter(c -> !c.held())
                    .map(CellResult.Check::text)
                    .findFirst()
                    .map(t -> t.length() > 200 ? t.substring(0, 200) : t)
                    .orElse(null);
        }
        publish(ProgressEvent.CELL_RUN, lesson, step, outcome, expectation, null, null);
    }

    @Override
    public void hintAsked(String lesson, int step) {
        publish(ProgressEvent.HINT_ASKED, lesson, step, null, null, null, null);
    }

    @Override
    public void lessonFinished(String lesson) {
        publish(ProgressEvent.LESSON_FINISHED, lesson, null, null, null, null, null);
    }

    /** A lab's score from {@code grade}. */
    public void labGraded(String lab, int score, int maxScore) {
        publish(ProgressEvent.LAB_GRADED, lab, null, null, null, score, maxScore);
    }

    private void publish(
            String type,
            String lesson,
            Integer step,
            String outcome,
            String expectation,
            Integer score,
            Integer maxScore) {
        ProgressEvent event = new ProgressEvent(
                ProgressEvent.VERSION,
                learner,
                session,
                seq.getAndIncrement(),
                clock.millis(),
                type,
                lesson,
                step,
                outcome,
                expectation,
                score,
                maxScore);
        while (!buffer.offerLast(event)) {
            if (buffer.pollFirst() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Events given way to newer ones because the buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Events the class server acknowledged. */
    public long sent() {
        return sent.get();
    }

    /** Events waiting to go. */
    public int waiting() {
        return buffer.size();
    }

    public int capacity() {
        return capacity;
    }

    private void sendLoop() {
        long backoffMs = 200;
        while (!closing || !buffer.isEmpty()) {
            ProgressEvent event;
            try {
                event = buffer.pollFirst(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                producer.send(new ProducerRecord<>(topic, learner, JSON.writeValueAsBytes(event)))
                        .get(30, TimeUnit.SECONDS);
                sent.incrementAndGet();
                backoffMs = 200;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // Not sent (unreachable, no topic yet, timed out): it goes back to the front, in order, with the same
                // sequence number, unless newer events already filled the buffer.
                if (!buffer.offerFirst(event)) {
                    dropped.incrementAndGet();
                }
                if (warned.compareAndSet(false, true)) {
                    warn(problem(e));
                }
                if (closing) {
                    return;
                }
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    /** The one warning a learner reads when their progress cannot go. */
    private String problem(Exception e) {
        Throwable cause =
                e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return "The class cluster " + server + " refused your progress (" + cause.getMessage() + "). Ask your"
                    + " instructor whether you are still in the class; the lesson is not affected.";
        }
        return "The class " + (secure ? "cluster " : "server ") + server + " cannot be reached; your progress waits"
                + " (up to " + capacity + " events) and goes when it is back. The lesson is not affected.";
    }

    /** The listener's trouble (a console already closed) must not end the sender. */
    private void warn(String line) {
        try {
            warnings.accept(line);
        } catch (RuntimeException e) {
            // The warning is lost; the events are not.
        }
    }

    /** Sends what is waiting for up to {@code grace}, then stops; what is still waiting then is lost. */
    public void close(Duration grace) {
        closing = true;
        try {
            sender.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
