package dev.streamlab.classroom;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Making a class ({@link ClassAdmin#create}): the checks that change nothing, then the credentials, the ACLs, the
 * quotas, the progress topics and the join files, in that order. When a step fails, what was made is removed again,
 * and the error says exactly what could not be.
 */
final class ClassCreation {

    private final ClassAdmin classAdmin;
    private final Admin admin;
    private final AdminCalls calls;
    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;

    ClassCreation(
            ClassAdmin classAdmin,
            Admin admin,
            AdminCalls calls,
            String bootstrapServers,
            Map<String, Object> adminConfig) {
        this.classAdmin = classAdmin;
        this.admin = admin;
        this.calls = calls;
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = adminConfig;
    }

    ClassAdmin.Created create(Roster roster, Path outDir, LearnerQuota quota) {
        classAdmin.checkMayAdminister();
        checkNewLearners(roster.learners());
        checkNoJoinFiles(roster.learners(), outDir);
        Map<String, String> passwords = new LinkedHashMap<>();
        roster.learners().forEach(l -> passwords.put(l, ClusterSecurity.password(20)));
        List<String> madeUsers = new ArrayList<>();
        List<AclBinding> madeAcls = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<String> madeTopics = new ArrayList<>();
        try {
            createCredentials(passwords, madeUsers);
            createAcls(roster.learners(), madeAcls);
            classAdmin.setQuotas(roster.learners(), quota);
            createProgressTopics(roster.learners(), madeTopics);
            for (String learner : roster.learners()) {
                written.add(JoinFile.of(learner, passwords.get(learner), bootstrapServers, adminConfig)
                        .write(outDir));
            }
            return new ClassAdmin.Created(roster.learners(), List.copyOf(written));
        } catch (RuntimeException | IOException e) {
            throw rollBack(e, madeUsers, madeAcls, madeTopics, written, roster.learners());
        }
    }

    private void createCredentials(Map<String, String> passwords, List<String> made) {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(
                user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ClassAdmin.SCRAM_ITERATIONS), password)));
        Map<String, KafkaFuture<Void>> results =
                admin.alterUserScramCredentials(upserts).values();
        RuntimeException first = null;
        for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
            try {
                calls.await(r.getValue());
                made.add(r.getKey());
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void createAcls(List<String> learners, List<AclBinding> made) {
        List<AclBinding> bindings =
                learners.stream().flatMap(l -> ClassAdmin.bindings(l).stream()).toList();
        Map<AclBinding, KafkaFuture<Void>> results = admin.createAcls(bindings).values();
        RuntimeException first = null;
        for (AclBinding binding : bindings) {
            try {
                calls.await(results.get(binding));
                made.add(binding);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Each learner's progress topic: one partition keeps their events in order. */
    private void createProgressTopics(List<String> learners, List<String> made) {
        List<NewTopic> topics = learners.stream()
                .map(l -> new NewTopic(ProgressEvent.topicOf(l), java.util.Optional.of(1), java.util.Optional.empty()))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        RuntimeException first = null;
        for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
            try {
                calls.await(r.getValue());
                made.add(r.getKey());
            } catch (TopicExistsException e) {
                // Left by an older streamlab's class removal: the learner's new events go on after the old ones, and a
                // failed create leaves it as it found it.
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Undoes a half-made class; the error says what failed and, if anything could not be undone, exactly what. */
    private ClusterException rollBack(
            Exception cause,
            List<String> users,
            List<AclBinding> acls,
            List<String> topics,
            List<Path> files,
            List<String> learners) {
        List<String> left = new ArrayList<>();
        if (!acls.isEmpty()) {
            left.addAll(removeQuotasQuietly(learners));
        }
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).topicNameValues().forEach((topic, future) -> {
                try {
                    calls.await(future);
                } catch (RuntimeException e) {
                    left.add("the topic " + topic);
                }
            });
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                left.add("the join file " + file);
            }
        }
        if (!acls.isEmpty()) {
            Map<AclBindingFilter, KafkaFuture<?>> deleted = new LinkedHashMap<>();
            admin.deleteAcls(acls.stream().map(AclBinding::toFilter).toList())
                    .values()
                    .forEach(deleted::put);
            deleted.forEach((filter, future) -> {
                try {
                    calls.await(future);
                } catch (RuntimeException e) {
                    left.add("the ACL " + filter.patternFilter().resourceType() + " "
                            + filter.patternFilter().name() + "* for "
                            + filter.entryFilter().principal());
                }
            });
        }
        if (!users.isEmpty()) {
            List<UserScramCredentialAlteration> deletions = users.stream()
                    .<UserScramCredentialAlteration>map(
                            u -> new UserScramCredentialDeletion(u, ScramMechanism.SCRAM_SHA_512))
                    .toList();
            admin.alterUserScramCredentials(deletions).values().forEach((user, future) -> {
                try {
                    calls.await(future);
                } catch (RuntimeException e) {
                    left.add("the credential of " + user);
                }
            });
        }
        String why = calls.explain(cause);
        String after = left.isEmpty()
                ? " Nothing of it was left behind."
                : " These could not be removed; remove them with 'streamlab class remove' or Kafka's tools: "
                        + String.join(", ", left) + ".";
        return new ClusterException("The class was not created: " + why + after, cause);
    }

    private void checkNewLearners(List<String> learners) {
        Set<String> existing =
                Set.copyOf(calls.await(admin.describeUserScramCredentials().users()));
        List<String> taken = learners.stream().filter(existing::contains).toList();
        if (!taken.isEmpty()) {
            throw new ClusterException("The class was not created: " + String.join(", ", taken)
                    + (taken.size() == 1 ? " already has" : " already have") + " a credential on " + bootstrapServers
                    + " (an earlier class?). Remove " + (taken.size() == 1 ? "it" : "them")
                    + " with 'streamlab class remove --learner NAME', or leave "
                    + (taken.size() == 1 ? "that name" : "those names")
                    + " out of the roster. Nothing was changed.");
        }
    }

    private static void checkNoJoinFiles(List<String> learners, Path outDir) {
        List<String> present = learners.stream()
                .map(JoinFile::fileName)
                .filter(f -> Files.exists(outDir.resolve(f)))
                .toList();
        if (!present.isEmpty()) {
            throw new ClusterException("The class was not created: " + outDir.resolve(present.get(0))
                    + (present.size() > 1 ? " and " + (present.size() - 1) + " more join files" : "")
                    + " already exist" + (present.size() > 1 ? "" : "s")
                    + ". Choose another --out folder, or delete them"
                    + " if that class is gone. Nothing was changed.");
        }
    }

    /** Removes the learners' quotas; returns what could not be removed, for a rollback's message. */
    private List<String> removeQuotasQuietly(List<String> learners) {
        try {
            classAdmin.setQuotas(learners, LearnerQuota.NONE);
            return List.of();
        } catch (RuntimeException e) {
            return List.of("the quotas of " + String.join(", ", learners));
        }
    }
}
