package dev.streamlab.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The instructor's side of a class, through Kafka's Admin API with the instructor's settings: per learner a SCRAM
 * credential and prefixed ACLs (all operations on topics, groups and transactional ids that start with the learner's
 * prefix, nothing else), the join files, the list of who has what, and removal. Kafka's own authorizer enforces the
 * ACLs; streamlab only writes them. Each learner's user also gets Kafka's quotas ({@link LearnerQuota}), which the
 * brokers enforce. A {@link #create} that fails part way removes what it made, or says exactly what it
 * could not remove.
 */
public final class ClassAdmin implements AutoCloseable {

    /** The resources a learner owns under their prefix. */
    static final List<ResourceType> OWNED = List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID);
    static final int SCRAM_ITERATIONS = 8192;
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;
    private final String configName;

    private ClassAdmin(Admin admin, String bootstrapServers, Map<String, Object> adminConfig, String configName) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = adminConfig;
        this.configName = configName;
    }

    /** An Admin client with these settings ({@code configName} names them in messages: the --command-config file). */
    public static ClassAdmin connect(String bootstrapServers, Map<String, Object> adminSettings, String configName) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new dev.streamlab.cluster.SettingException("A class needs the cluster's address: --bootstrap-server HOST:PORT.");
        }
        Map<String, Object> config = new HashMap<>(adminSettings);
        config.put("bootstrap.servers", bootstrapServers);
        config.putIfAbsent("client.id", "streamlab-class");
        Map<String, Object> withTimeouts = AdminSettings.withTimeouts(config, 10_000, 20_000);
        return new ClassAdmin(Admin.create(withTimeouts), bootstrapServers, Map.copyOf(config), configName);
    }

    /** What {@link #create} made: the learners and their join files. */
    public record Created(List<String> learners, List<Path> joinFiles) {
    }

    /** One learner as the cluster knows them. */
    public record Member(String learner, String prefix, int acls, List<String> topics) {
    }

    /**
     * Creates the class: checks the admin may, that no learner exists yet and no join file would be overwritten, then
     * makes the credentials, then the ACLs, then writes the join files into {@code outDir}.
     */
    public Created create(Roster roster, Path outDir) {
        return create(roster, outDir, LearnerQuota.DEFAULTS);
    }

    /** {@link #create(Roster, Path)}, with these quotas on each learner's user (after the ACLs, before the join files). */
    public Created create(Roster roster, Path outDir, LearnerQuota quota) {
        checkMayAdminister();
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
            setQuotas(roster.learners(), quota);
            createProgressTopics(roster.learners(), madeTopics);
            for (String learner : roster.learners()) {
                written.add(JoinFile.of(learner, passwords.get(learner), bootstrapServers, adminConfig).write(outDir));
            }
            return new Created(roster.learners(), List.copyOf(written));
        } catch (RuntimeException | IOException e) {
            throw rollBack(e, madeUsers, madeAcls, madeTopics, written, roster.learners());
        }
    }

    private void createCredentials(Map<String, String> passwords, List<String> made) {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
        Map<String, KafkaFuture<Void>> results = admin.alterUserScramCredentials(upserts).values();
        RuntimeException first = null;
        for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
            try {
                await(r.getValue());
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
        List<AclBinding> bindings = learners.stream().flatMap(l -> bindings(l).stream()).toList();
        Map<AclBinding, KafkaFuture<Void>> results = admin.createAcls(bindings).values();
        RuntimeException first = null;
        for (AclBinding binding : bindings) {
            try {
                await(results.get(binding));
                made.add(binding);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * A learner's ACLs: every operation on their own topics, groups and transactional ids; and writing to their
     * progress topic, which is the class's (they may not delete it or change its settings); nothing else.
     */
    static List<AclBinding> bindings(String learner) {
        AccessControlEntry entry = new AccessControlEntry(principal(learner), "*", AclOperation.ALL, AclPermissionType.ALLOW);
        List<AclBinding> all = new ArrayList<>(OWNED.stream()
                .map(type -> new AclBinding(new ResourcePattern(type, Roster.prefix(learner), PatternType.PREFIXED), entry))
                .toList());
        ResourcePattern progress = new ResourcePattern(ResourceType.TOPIC, ProgressEvent.topicOf(learner), PatternType.LITERAL);
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            all.add(new AclBinding(progress, new AccessControlEntry(principal(learner), "*", operation, AclPermissionType.ALLOW)));
        }
        return List.copyOf(all);
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
                await(r.getValue());
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

    static String principal(String learner) {
        return "User:" + learner;
    }

    /** Undoes a half-made class; the error says what failed and, if anything could not be undone, exactly what. */
    private ClusterException rollBack(Exception cause, List<String> users, List<AclBinding> acls, List<String> topics,
                                      List<Path> files, List<String> learners) {
        List<String> left = new ArrayList<>();
        if (!acls.isEmpty()) {
            left.addAll(removeQuotasQuietly(learners));
        }
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).topicNameValues().forEach((topic, future) -> {
                try {
                    await(future);
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
            admin.deleteAcls(acls.stream().map(AclBinding::toFilter).toList()).values().forEach(deleted::put);
            deleted.forEach((filter, future) -> {
                try {
                    await(future);
                } catch (RuntimeException e) {
                    left.add("the ACL " + filter.patternFilter().resourceType() + " " + filter.patternFilter().name()
                            + "* for " + filter.entryFilter().principal());
                }
            });
        }
        if (!users.isEmpty()) {
            List<UserScramCredentialAlteration> deletions = users.stream()
                    .<UserScramCredentialAlteration>map(u -> new UserScramCredentialDeletion(u, ScramMechanism.SCRAM_SHA_512))
                    .toList();
            admin.alterUserScramCredentials(deletions).values().forEach((user, future) -> {
                try {
                    await(future);
                } catch (RuntimeException e) {
                    left.add("the credential of " + user);
                }
            });
        }
        String why = explain(cause);
        String after = left.isEmpty() ? " Nothing of it was left behind."
                : " These could not be removed; remove them with 'streamlab class remove' or Kafka's tools: "
                        + String.join(", ", left) + ".";
        return new ClusterException("The class was not created: " + why + after, cause);
    }

    private String explain(Throwable e) {
        Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (root instanceof ClusterException c) {
            return stripPeriod(c.getMessage());
        }
        if (root instanceof SecurityDisabledException) {
            return "the cluster at " + bootstrapServers + " has no authorizer, so ACLs cannot keep learners apart"
                    + " (start it with authorizer.class.name=" + "org.apache.kafka.metadata.authorizer.StandardAuthorizer,"
                    + " as 'streamlab cluster up --secure' does)";
        }
        if (root instanceof AuthorizationException) {
            return lacksRights();
        }
        if (root instanceof IOException io) {
            return "a join file could not be written (" + io.getMessage() + ")";
        }
        return root.getClass().getSimpleName() + ": " + stripPeriod(String.valueOf(root.getMessage()));
    }

    private String lacksRights() {
        return "the user in " + configName + " may not create credentials, ACLs and quotas on " + bootstrapServers
                + " (it needs ALTER and ALTER_CONFIGS on the cluster). Use a super user's settings (one named in the brokers' super.users)"
                + " as --command-config";
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Fails unless the cluster answers and these settings are a super user's, who may read every progress topic. */
    void checkMayWatch() {
        Set<AclOperation> operations = await(admin.describeCluster(new DescribeClusterOptions()
                .includeAuthorizedOperations(true)).authorizedOperations());
        if (operations != null && !operations.contains(AclOperation.ALTER) && !operations.contains(AclOperation.ALL)) {
            throw new ClusterException("The settings in " + configName + " are not an admin's of " + bootstrapServers
                    + " (a learner's join file?), so they cannot read the class's progress. Use the admin settings"
                    + " 'streamlab cluster up --secure' wrote.");
        }
    }

    /** Fails unless the cluster answers, knows the admin, and lets it alter the cluster (credentials, ACLs, quotas). */
    void checkMayAdminister() {
        Set<AclOperation> operations = await(admin.describeCluster(new DescribeClusterOptions()
                .includeAuthorizedOperations(true)).authorizedOperations());
        if (operations != null && !operations.contains(AclOperation.ALL)
                && !(operations.contains(AclOperation.ALTER) && operations.contains(AclOperation.ALTER_CONFIGS))) {
            throw new ClusterException("The class was not created: " + lacksRights() + ". Nothing was changed.");
        }
    }

    private void checkNewLearners(List<String> learners) {
        Set<String> existing = Set.copyOf(await(admin.describeUserScramCredentials().users()));
        List<String> taken = learners.stream().filter(existing::contains).toList();
        if (!taken.isEmpty()) {
            throw new ClusterException("The class was not created: " + String.join(", ", taken)
                    + (taken.size() == 1 ? " already has" : " already have") + " a credential on " + bootstrapServers
                    + " (an earlier class?). Remove " + (taken.size() == 1 ? "it" : "them")
                    + " with 'streamlab class remove --learner NAME', or leave " + (taken.size() == 1 ? "that name" : "those names")
                    + " out of the roster. Nothing was changed.");
        }
    }

    private static void checkNoJoinFiles(List<String> learners, Path outDir) {
        List<String> present = learners.stream().map(JoinFile::fileName).filter(f -> Files.exists(outDir.resolve(f))).toList();
        if (!present.isEmpty()) {
            throw new ClusterException("The class was not created: " + outDir.resolve(present.get(0))
                    + (present.size() > 1 ? " and " + (present.size() - 1) + " more join files" : "")
                    + " already exist" + (present.size() > 1 ? "" : "s") + ". Choose another --out folder, or delete them"
                    + " if that class is gone. Nothing was changed.");
        }
    }

    /** Sets (a null value: removes) these quotas on each learner's user. */
    void setQuotas(List<String> learners, LearnerQuota quota) {
        List<ClientQuotaAlteration> alterations = learners.stream().map(l -> new ClientQuotaAlteration(userEntity(l),
                quota.asKafka().entrySet().stream().map(q -> new ClientQuotaAlteration.Op(q.getKey(), q.getValue())).toList()))
                .toList();
        await(admin.alterClientQuotas(alterations).all());
    }

    /** Removes the learners' quotas; returns what could not be removed, for a rollback's message. */
    private List<String> removeQuotasQuietly(List<String> learners) {
        try {
            setQuotas(learners, LearnerQuota.NONE);
            return List.of();
        } catch (RuntimeException e) {
            return List.of("the quotas of " + String.join(", ", learners));
        }
    }

    private static ClientQuotaEntity userEntity(String learner) {
        return new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, learner));
    }

    /** Every user's quotas as Kafka has them, by user name (users without a quota are left out). */
    public Map<String, LearnerQuota> quotas() {
        ClientQuotaFilter users = ClientQuotaFilter.containsOnly(List.of(ClientQuotaFilterComponent.ofEntityType(ClientQuotaEntity.USER)));
        Map<String, LearnerQuota> quotas = new TreeMap<>();
        await(admin.describeClientQuotas(users).entities()).forEach((entity, values) -> {
            String user = entity.entries().get(ClientQuotaEntity.USER);
            if (user != null) {
                quotas.put(user, LearnerQuota.fromKafka(values));
            }
        });
        return quotas;
    }

    /** Every learner: a user with a credential and a prefixed topic ACL on their own prefix. */
    public List<Member> list() {
        Collection<AclBinding> acls = await(admin.describeAcls(AclBindingFilter.ANY).values());
        Map<String, List<AclBinding>> byPrincipal = acls.stream()
                .collect(Collectors.groupingBy(a -> a.entry().principal()));
        Set<String> users = Set.copyOf(await(admin.describeUserScramCredentials().users()));
        Set<String> topics = await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
        Map<String, Member> members = new TreeMap<>();
        for (String user : users) {
            List<AclBinding> own = byPrincipal.getOrDefault(principal(user), List.of());
            boolean learner = own.stream().anyMatch(a -> a.pattern().resourceType() == ResourceType.TOPIC
                    && a.pattern().patternType() == PatternType.PREFIXED && a.pattern().name().equals(Roster.prefix(user)));
            if (learner) {
                List<String> theirs = topics.stream().filter(t -> t.startsWith(Roster.prefix(user))).sorted().toList();
                members.put(user, new Member(user, Roster.prefix(user), own.size(), theirs));
            }
        }
        return List.copyOf(members.values());
    }

    /** What {@link #remove} did. */
    public record Removed(List<String> learners, int acls, List<String> topics) {
    }

    /**
     * Removes these learners (every learner of {@link #list()} when {@code learners} is empty): their ACLs, their
     * credentials and, with {@code deleteTopics}, their topics. A name that is not a learner here is an error, and
     * then nothing is removed.
     */
    public Removed remove(List<String> learners, boolean deleteTopics) {
        checkMayAdminister();
        List<Member> members = list();
        Set<String> known = members.stream().map(Member::learner).collect(Collectors.toSet());
        List<String> unknown = learners.stream().filter(l -> !known.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new ClusterException(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not a learner of a class on " + bootstrapServers + " ('streamlab class list' shows who is)."
                    + " Nothing was removed.");
        }
        List<String> targets = learners.isEmpty() ? List.copyOf(known).stream().sorted().toList() : learners;
        if (targets.isEmpty()) {
            return new Removed(List.of(), 0, List.of());
        }
        List<AclBindingFilter> filters = targets.stream().map(l -> new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(principal(l), null, AclOperation.ANY, AclPermissionType.ANY))).toList();
        int acls = await(admin.deleteAcls(filters).all()).size();
        List<UserScramCredentialAlteration> deletions = new ArrayList<>();
        Map<String, UserScramCredentialsDescription> described = await(admin.describeUserScramCredentials(targets).all());
        described.forEach((user, d) -> d.credentialInfos().forEach(
                info -> deletions.add(new UserScramCredentialDeletion(user, info.mechanism()))));
        await(admin.alterUserScramCredentials(deletions).all());
        setQuotas(targets, LearnerQuota.NONE);
        List<String> topics = List.of();
        if (deleteTopics) {
            topics = members.stream().filter(m -> targets.contains(m.learner())).flatMap(m -> m.topics().stream()).toList();
            if (!topics.isEmpty()) {
                await(admin.deleteTopics(topics).all());
            }
        }
        deleteProgressTopics(targets);
        return new Removed(targets, acls, topics);
    }

    /** A removed learner's progress topic goes with them (the view's CSV is the class's record). */
    private void deleteProgressTopics(List<String> learners) {
        admin.deleteTopics(learners.stream().map(ProgressEvent::topicOf).toList()).topicNameValues().values().forEach(f -> {
            try {
                await(f);
            } catch (RuntimeException leftOver) {
                // Gone already, or the cluster said no: the learner's ACLs are gone, so nobody writes to it any more.
            }
        });
    }

    /** Waits for a Kafka future, turning its failure into a sentence for the instructor. */
    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while talking to " + bootstrapServers + ".", e);
        } catch (TimeoutException e) {
            throw new ClusterException("The cluster at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS
                    + " s. Check the address and the settings in " + configName + ".", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SaslAuthenticationException) {
                throw new ClusterException("The cluster at " + bootstrapServers + " refused the credentials in " + configName
                        + " (wrong user or password). Use the admin settings of that cluster"
                        + " ('streamlab cluster up --secure' writes them).", cause);
            }
            if (cause instanceof SecurityDisabledException || cause instanceof AuthorizationException) {
                throw new ClusterException(explain(cause) + ".", cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new ClusterException(explain(cause) + ".", cause);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
