package dev.streamlab.classroom;

import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.ClusterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
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
    static final List<ResourceType> OWNED =
            List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID);

    static final int SCRAM_ITERATIONS = 8192;

    private final Admin admin;
    private final AdminCalls calls;
    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;
    private final String configName;

    private ClassAdmin(Admin admin, String bootstrapServers, Map<String, Object> adminConfig, String configName) {
        this.admin = admin;
        this.calls = new AdminCalls(bootstrapServers, configName);
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = adminConfig;
        this.configName = configName;
    }

    /** An Admin client with these settings ({@code configName} names them in messages: the --command-config file). */
    public static ClassAdmin connect(String bootstrapServers, Map<String, Object> adminSettings, String configName) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new dev.streamlab.cluster.SettingException(
                    "A class needs the cluster's address: --bootstrap-server HOST:PORT.");
        }
        Map<String, Object> config = new HashMap<>(adminSettings);
        config.put("bootstrap.servers", bootstrapServers);
        config.putIfAbsent("client.id", "streamlab-class");
        Map<String, Object> withTimeouts = AdminSettings.withTimeouts(config, 10_000, 20_000);
        return new ClassAdmin(Admin.create(withTimeouts), bootstrapServers, Map.copyOf(config), configName);
    }

    /** What {@link #create} made: the learners and their join files. */
    public record Created(List<String> learners, List<Path> joinFiles) {}

    /** One learner as the cluster knows them. */
    public record Member(String learner, String prefix, int acls, List<String> topics) {}

    /**
     * Creates the class: checks the admin may, that no learner exists yet and no join file would be overwritten, then
     * makes the credentials, then the ACLs, then writes the join files into {@code outDir}.
     */
    public Created create(Roster roster, Path outDir) {
        return create(roster, outDir, LearnerQuota.DEFAULTS);
    }

    /** {@link #create(Roster, Path)}, with these quotas on each learner's user (after the ACLs, before the join files). */
    public Created create(Roster roster, Path outDir, LearnerQuota quota) {
        return new ClassCreation(this, admin, calls, bootstrapServers, adminConfig).create(roster, outDir, quota);
    }

    /**
     * A learner's ACLs: every operation on their own topics, groups and transactional ids; and writing to their
     * progress topic, which is the class's (they may not delete it or change its settings); nothing else.
     */
    static List<AclBinding> bindings(String learner) {
        AccessControlEntry entry =
                new AccessControlEntry(principal(learner), "*", AclOperation.ALL, AclPermissionType.ALLOW);
        List<AclBinding> all = new ArrayList<>(OWNED.stream()
                .map(type ->
                        new AclBinding(new ResourcePattern(type, Roster.prefix(learner), PatternType.PREFIXED), entry))
                .toList());
        ResourcePattern progress =
                new ResourcePattern(ResourceType.TOPIC, ProgressEvent.topicOf(learner), PatternType.LITERAL);
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            all.add(new AclBinding(
                    progress, new AccessControlEntry(principal(learner), "*", operation, AclPermissionType.ALLOW)));
        }
        return List.copyOf(all);
    }

    static String principal(String learner) {
        return "User:" + learner;
    }

    /** Fails unless the cluster answers and these settings are a super user's, who may read every progress topic. */
    void checkMayWatch() {
        Set<AclOperation> operations =
                calls.await(admin.describeCluster(new DescribeClusterOptions().includeAuthorizedOperations(true))
                        .authorizedOperations());
        if (operations != null && !operations.contains(AclOperation.ALTER) && !operations.contains(AclOperation.ALL)) {
            throw new ClusterException("The settings in " + configName + " are not an admin's of " + bootstrapServers
                    + " (a learner's join file?), so they cannot read the class's progress. Use the admin settings"
                    + " 'streamlab cluster up --secure' wrote.");
        }
    }

    /** Fails unless the cluster answers, knows the admin, and lets it alter the cluster (credentials, ACLs, quotas). */
    void checkMayAdminister() {
        Set<AclOperation> operations =
                calls.await(admin.describeCluster(new DescribeClusterOptions().includeAuthorizedOperations(true))
                        .authorizedOperations());
        if (operations != null
                && !operations.contains(AclOperation.ALL)
                && !(operations.contains(AclOperation.ALTER) && operations.contains(AclOperation.ALTER_CONFIGS))) {
            throw new ClusterException("The class was not created: " + calls.lacksRights() + ". Nothing was changed.");
        }
    }

    /** Sets (a null value: removes) these quotas on each learner's user. */
    void setQuotas(List<String> learners, LearnerQuota quota) {
        List<ClientQuotaAlteration> alterations = learners.stream()
                .map(l -> new ClientQuotaAlteration(
                        userEntity(l),
                        quota.asKafka().entrySet().stream()
                                .map(q -> new ClientQuotaAlteration.Op(q.getKey(), q.getValue()))
                                .toList()))
                .toList();
        calls.await(admin.alterClientQuotas(alterations).all());
    }

    private static ClientQuotaEntity userEntity(String learner) {
        return new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, learner));
    }

    /** Every user's quotas as Kafka has them, by user name (users without a quota are left out). */
    public Map<String, LearnerQuota> quotas() {
        ClientQuotaFilter users = ClientQuotaFilter.containsOnly(
                List.of(ClientQuotaFilterComponent.ofEntityType(ClientQuotaEntity.USER)));
        Map<String, LearnerQuota> quotas = new TreeMap<>();
        calls.await(admin.describeClientQuotas(users).entities()).forEach((entity, values) -> {
            String user = entity.entries().get(ClientQuotaEntity.USER);
            if (user != null) {
                quotas.put(user, LearnerQuota.fromKafka(values));
            }
        });
        return quotas;
    }

    /** Every learner: a user with a credential and a prefixed topic ACL on their own prefix. */
    public List<Member> list() {
        Collection<AclBinding> acls =
                calls.await(admin.describeAcls(AclBindingFilter.ANY).values());
        Map<String, List<AclBinding>> byPrincipal =
                acls.stream().collect(Collectors.groupingBy(a -> a.entry().principal()));
        Set<String> users =
                Set.copyOf(calls.await(admin.describeUserScramCredentials().users()));
        Set<String> topics = calls.await(
                admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
        Map<String, Member> members = new TreeMap<>();
        for (String user : users) {
            List<AclBinding> own = byPrincipal.getOrDefault(principal(user), List.of());
            boolean learner = own.stream()
                    .anyMatch(a -> a.pattern().resourceType() == ResourceType.TOPIC
                            && a.pattern().patternType() == PatternType.PREFIXED
                            && a.pattern().name().equals(Roster.prefix(user)));
            if (learner) {
                List<String> theirs = topics.stream()
                        .filter(t -> t.startsWith(Roster.prefix(user)))
                        .sorted()
                        .toList();
                members.put(user, new Member(user, Roster.prefix(user), own.size(), theirs));
            }
        }
        return List.copyOf(members.values());
    }

    /** What {@link #remove} did. */
    public record Removed(List<String> learners, int acls, List<String> topics) {}

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
        List<String> targets =
                learners.isEmpty() ? List.copyOf(known).stream().sorted().toList() : learners;
        if (targets.isEmpty()) {
            return new Removed(List.of(), 0, List.of());
        }
        List<AclBindingFilter> filters = targets.stream()
                .map(l -> new AclBindingFilter(
                        ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter(principal(l), null, AclOperation.ANY, AclPermissionType.ANY)))
                .toList();
        int acls = calls.await(admin.deleteAcls(filters).all()).size();
        List<UserScramCredentialAlteration> deletions = new ArrayList<>();
        Map<String, UserScramCredentialsDescription> described =
                calls.await(admin.describeUserScramCredentials(targets).all());
        described.forEach((user, d) -> d.credentialInfos()
                .forEach(info -> deletions.add(new UserScramCredentialDeletion(user, info.mechanism()))));
        calls.await(admin.alterUserScramCredentials(deletions).all());
        setQuotas(targets, LearnerQuota.NONE);
        List<String> topics = List.of();
        if (deleteTopics) {
            topics = members.stream()
                    .filter(m -> targets.contains(m.learner()))
                    .flatMap(m -> m.topics().stream())
                    .toList();
            if (!topics.isEmpty()) {
                calls.await(admin.deleteTopics(topics).all());
            }
        }
        deleteProgressTopics(targets);
        return new Removed(targets, acls, topics);
    }

    /** A removed learner's progress topic goes with them (the view's CSV is the class's record). */
    private void deleteProgressTopics(List<String> learners) {
        admin.deleteTopics(learners.stream().map(ProgressEvent::topicOf).toList())
                .topicNameValues()
                .values()
                .forEach(f -> {
                    try {
                        calls.await(f);
                    } catch (RuntimeException leftOver) {
                        // Gone already, or the cluster said no: the learner's ACLs are gone, so nobody writes to it any
                        // more.
                    }
                });
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
