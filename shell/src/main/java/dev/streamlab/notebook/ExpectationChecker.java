package dev.streamlab.notebook;

import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.PartitionInspector;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.lesson.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides whether an expectation holds. Cluster conditions are polled until they hold or their
 * deadline passes; the pause between two polls ends early when the learner stops the check.
 */
final class ExpectationChecker implements AutoCloseable {

    private static final long POLL_INTERVAL_MS = 100;

    private final Cluster cluster;
    private final Object pause = new Object();
    private volatile boolean stopped;
    private Admin admin;
    private PartitionInspector inspector;

    ExpectationChecker(Cluster cluster) {
        this.cluster = cluster;
    }

    /** What to remember before the cell runs, for expectations about change ("a new leader"). */
    Map<Expectation, Object> before(List<Expectation> expectations) {
        Map<Expectation, Object> snapshot = new java.util.HashMap<>();
        for (Expectation e : expectations) {
            if (e instanceof Expectation.NewLeader nl) {
                snapshot.put(e, leader(nl.topic(), nl.partition()).orElse(PartitionState.NO_LEADER));
            }
        }
        return snapshot;
    }

    CellResult.Check check(Expectation expectation, JavaOutcome outcome, String output, Object before) {
        stopped = false;
        if (expectation instanceof Expectation.OutputContains c) {
            return immediate(c, output.contains(c.value()), "the output does not contain it");
        }
        if (expectation instanceof Expectation.OutputMatches m) {
            return immediate(m, m.pattern().matcher(output).find(), "no part of the output matches");
        }
        if (expectation instanceof Expectation.FailsWith f) {
            return immediate(
                    f,
                    outcome != JavaOutcome.OK && output.contains(f.value()),
                    outcome == JavaOutcome.OK ? "the cell did not fail" : "it failed otherwise");
        }
        if (expectation instanceof Expectation.TopicExists t) {
            return poll(t, t.within(), () -> !partitions(t.topic()).isEmpty(), () -> "there is no topic " + t.topic());
        }
        if (expectation instanceof Expectation.TopicPartitions t) {
            return poll(
                    t,
                    t.within(),
                    () -> partitions(t.topic()).size() == t.partitions(),
                    () -> "it has " + partitions(t.topic()).size());
        }
        if (expectation instanceof Expectation.TopicRecords t) {
            return poll(t, t.within(), () -> records(t.topic()) >= t.records(), () -> "it has " + records(t.topic()));
        }
        if (expectation instanceof Expectation.NewLeader n) {
            return poll(
                    n,
                    n.within(),
                    () -> {
                        Optional<Integer> now = leader(n.topic(), n.partition());
                        return now.isPresent()
                                && now.get() != PartitionState.NO_LEADER
                                && !now.get().equals(before);
                    },
                    () -> "the leader is "
                            + leader(n.topic(), n.partition())
                                    .map(String::valueOf)
                                    .orElse("unknown") + ", as before (" + before + ")");
        }
        if (expectation instanceof Expectation.InSyncReplicas r) {
            return poll(
                    r,
                    r.within(),
                    () -> inSync(r.topic(), r.partition()) == r.replicas(),
                    () -> "it has " + inSync(r.topic(), r.partition()));
        }
        Expectation.CommittedOffset c = (Expectation.CommittedOffset) expectation;
        return poll(
                c,
                c.within(),
                () -> c.holdsFor(committed(c.group(), c.topic())),
                () -> "the committed offset is " + committed(c.group(), c.topic()));
    }

    private static CellResult.Check immediate(Expectation expectation, boolean held, String whyNot) {
        return new CellResult.Check(expectation, held, held ? "" : whyNot);
    }

    private CellResult.Check poll(
            Expectation expectation, Duration within, Supplier<Boolean> condition, Supplier<String> state) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (safely(condition)) {
                return new CellResult.Check(expectation, true, "");
            }
            if (stopped || System.nanoTime() >= deadline) {
                String detail;
                try {
                    detail = state.get();
                } catch (RuntimeException e) {
                    detail = String.valueOf(e.getMessage());
                }
                return new CellResult.Check(
                        expectation, false, (stopped ? "stopped: " : "after " + within.toSeconds() + " s, ") + detail);
            }
            synchronized (pause) {
                try {
                    pause.wait(POLL_INTERVAL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
    }

    private static boolean safely(Supplier<Boolean> condition) {
        try {
            return condition.get();
        } catch (RuntimeException e) {
            return false; // not there yet (an unknown topic, a broker that is moving): poll again
        }
    }

    /** Ends a check that is waiting for a condition. */
    void stop() {
        stopped = true;
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    /** One inspector for the checker's life: expectations poll every 100 ms, and an Admin client per poll is costly. */
    private List<PartitionState> partitions(String topic) {
        if (inspector == null) {
            inspector = new PartitionInspector(cluster.clientConfig());
        }
        return inspector.describe(cluster.namespace().real(topic));
    }

    private Optional<Integer> leader(String topic, int partition) {
        try {
            return partitions(topic).stream()
                    .filter(p -> p.partition() == partition)
                    .findFirst()
                    .map(PartitionState::leader);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** How many replicas of the partition are in sync now; -1 when the partition cannot be described. */
    private int inSync(String topic, int partition) {
        try {
            return partitions(topic).stream()
                    .filter(p -> p.partition() == partition)
                    .findFirst()
                    .map(p -> p.isr().size())
                    .orElse(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long records(String topic) {
        return partitions(topic).stream()
                .mapToLong(PartitionState::logEndOffset)
                .sum();
    }

    private long committed(String group, String topic) {
        try {
            dev.streamlab.cluster.Namespace ns = cluster.namespace();
            String realTopic = topic == null ? null : ns.real(topic);
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(ns.real(group))
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> realTopic == null || e.getKey().topic().equals(realTopic))
                    .filter(e -> e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(AdminSettings.withTimeouts(cluster.clientConfig(), 4_000, 5_000));
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        if (inspector != null) {
            inspector.close();
        }
    }
}
