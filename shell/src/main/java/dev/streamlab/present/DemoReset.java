package dev.streamlab.present;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.lesson.Lesson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Puts the cluster back as a demo expects it, so it can run twice in a row: deletes the topics and consumer
 * groups that the demo's header names ({@code :reset-topics:}, {@code :reset-groups:}; {@code name*} matches a
 * prefix), and waits until the topics are really gone.
 */
public final class DemoReset {

    private final Map<String, Object> clientConfig;

    public DemoReset(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    /** What was deleted, for a progress line. */
    public List<String> reset(Lesson demo) {
        List<String> deleted = new ArrayList<>();
        if (demo.resetTopics().isEmpty() && demo.resetGroups().isEmpty()) {
            return deleted;
        }
        try (Admin admin = Admin.create(clientConfig)) {
            if (!demo.resetGroups().isEmpty()) {
                List<String> groups = new ArrayList<>();
                Set<String> shareGroups = new java.util.HashSet<>();
                // Every kind of group: a share group is not a consumer group, and Admin deletes it with a call of its
                // own.
                for (org.apache.kafka.clients.admin.GroupListing g :
                        admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
                    if (matches(g.groupId(), demo.resetGroups())) {
                        groups.add(g.groupId());
                        if (g.type().equals(java.util.Optional.of(org.apache.kafka.common.GroupType.SHARE))) {
                            shareGroups.add(g.groupId());
                        }
                    }
                }
                for (String group : groups) {
                    try {
                        if (shareGroups.contains(group)) {
                            ignoring(
                                    GroupIdNotFoundException.class,
                                    () -> admin.deleteShareGroups(List.of(group))
                                            .all()
                                            .get(30, TimeUnit.SECONDS));
                        } else {
                            deleteGroup(admin, group);
                        }
                        deleted.add("group " + group);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof GroupNotEmptyException)) {
                            throw e;
                        }
                        throw new ClusterException(
                                "The consumer group " + group + " still has members, so the demo cannot"
                                        + " start from a clean state. Stop what reads with it (close its consumers), then run the demo again.");
                    }
                }
            }
            if (!demo.resetTopics().isEmpty()) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<String> topics = existing.stream()
                        .filter(t -> matches(t, demo.resetTopics()))
                        .sorted()
                        .toList();
                if (!topics.isEmpty()) {
                    ignoring(
                            UnknownTopicOrPartitionException.class,
                            () -> admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS));
                    awaitGone(admin, topics);
                    topics.forEach(t -> deleted.add("topic " + t));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while resetting the demo's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterException(
                    "Could not reset the demo's topics and groups (" + e.getMessage()
                            + "). Is the cluster up? `streamlab doctor` tells.",
                    e);
        }
        return deleted;
    }

    /**
     * Kafka Streams does not leave its group when it closes, so its members linger until their session times out:
     * a non-empty group is emptied first (all members removed), then deleted.
     */
    private static void deleteGroup(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            ignoring(
                    GroupIdNotFoundException.class,
                    () -> admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupNotEmptyException)) {
                throw e;
            }
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            ignoring(
                    GroupIdNotFoundException.class,
                    () -> admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS));
        }
    }

    static boolean matches(String name, List<String> patterns) {
        return patterns.stream()
                .anyMatch(p -> p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p));
    }

    /** Deleting a topic is asynchronous: creating it again too early fails with "marked for deletion". */
    private static void awaitGone(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Set<String> left = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (topics.stream().noneMatch(left::contains)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new TimeoutException("the topics " + topics + " were still there after 30 s");
    }

    private interface Call {
        void run() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static void ignoring(Class<? extends Exception> gone, Call call)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            call.run();
        } catch (ExecutionException e) {
            if (!gone.isInstance(e.getCause())) {
                throw e;
            }
        }
    }
}
