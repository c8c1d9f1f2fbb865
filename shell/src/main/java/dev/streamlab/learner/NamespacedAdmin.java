package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DeleteTopicsResult;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * An {@link Admin} whose arguments live in the learner's {@link Namespace}: the topics, partitions and groups a call
 * names are mapped to the cluster's names before the real Admin client sends it ({@code createTopics},
 * {@code deleteTopics}, {@code describeTopics}, {@code createPartitions}, {@code listOffsets}, {@code deleteRecords},
 * the consumer and share group calls, topic and group configs), and the results a lesson reads by name ({@code describeConfigs},
 * {@code describeTopics}, {@code deleteTopics}, {@code createTopics}) are keyed by the learner's names again; other
 * results ({@code listTopics}, whose result class Kafka does not let us build) keep the cluster's names. Any other call goes through unchanged, and the cluster's ACLs decide
 * it. A dynamic proxy, because {@code Admin} has some eighty methods of which a lesson uses a few.
 */
final class NamespacedAdmin implements InvocationHandler {

    private final Admin admin;
    private final Namespace ns;

    private NamespacedAdmin(Admin admin, Namespace ns) {
        this.admin = admin;
        this.ns = ns;
    }

    static Admin wrap(Admin admin, Namespace ns) {
        return (Admin) Proxy.newProxyInstance(
                NamespacedAdmin.class.getClassLoader(), new Class<?>[] {Admin.class}, new NamespacedAdmin(admin, ns));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Admin in namespace " + ns.prefix();
            };
        }
        Object[] mapped = args == null ? null : args.clone();
        if (mapped != null && mapped.length > 0) {
            mapArguments(method.getName(), mapped);
        }
        Object result;
        try {
            result = method.invoke(admin, mapped);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return shownResult(result);
    }

    /**
     * The results a lesson reads by name, keyed by the learner's names again: configs, topic descriptions, created and
     * deleted topics. Kafka lets these result classes be extended; other results keep the cluster's names.
     */
    private Object shownResult(Object result) {
        if (result instanceof DescribeConfigsResult r) {
            Map<ConfigResource, KafkaFuture<Config>> shown = new LinkedHashMap<>();
            r.values().forEach((resource, future) -> shown.put(shown(resource), future));
            return new DescribeConfigsResult(shown) {};
        }
        if (result instanceof DescribeTopicsResult r && r.topicNameValues() != null) {
            Map<String, KafkaFuture<TopicDescription>> shown = new LinkedHashMap<>();
            r.topicNameValues()
                    .forEach((name, future) -> shown.put(
                            ns.shown(name),
                            future.thenApply(d -> new TopicDescription(
                                    ns.shown(d.name()),
                                    d.isInternal(),
                                    d.partitions(),
                                    d.authorizedOperations(),
                                    d.topicId()))));
            return new DescribeTopicsResult(null, shown) {};
        }
        if (result instanceof CreateTopicsResult r) {
            return shown(r);
        }
        if (result instanceof DeleteTopicsResult r && r.topicNameValues() != null) {
            Map<String, KafkaFuture<Void>> shown = new LinkedHashMap<>();
            r.topicNameValues().forEach((name, future) -> shown.put(ns.shown(name), future));
            return new DeleteTopicsResult(null, shown) {};
        }
        return result;
    }

    /** Its topics by the learner's names; each question about one topic goes to the real result by the cluster's name. */
    private CreateTopicsResult shown(CreateTopicsResult real) {
        return new CreateTopicsResult(Map.of()) {
            @Override
            public Map<String, KafkaFuture<Void>> values() {
                Map<String, KafkaFuture<Void>> shown = new LinkedHashMap<>();
                real.values().forEach((name, future) -> shown.put(ns.shown(name), future));
                return shown;
            }

            @Override
            public KafkaFuture<Void> all() {
                return real.all();
            }

            @Override
            public KafkaFuture<Config> config(String topic) {
                return real.config(ns.real(topic));
            }

            @Override
            public KafkaFuture<org.apache.kafka.common.Uuid> topicId(String topic) {
                return real.topicId(ns.real(topic));
            }

            @Override
            public KafkaFuture<Integer> numPartitions(String topic) {
                return real.numPartitions(ns.real(topic));
            }

            @Override
            public KafkaFuture<Integer> replicationFactor(String topic) {
                return real.replicationFactor(ns.real(topic));
            }
        };
    }

    private ConfigResource shown(ConfigResource resource) {
        return named(resource) ? new ConfigResource(resource.type(), ns.shown(resource.name())) : resource;
    }

    @SuppressWarnings("unchecked")
    private void mapArguments(String name, Object[] args) {
        switch (name) {
            case "createTopics" ->
                args[0] = ((Collection<NewTopic>) args[0])
                        .stream().map(this::real).toList();
            case "deleteTopics", "describeTopics" -> args[0] = topics(args[0]);
            case "createPartitions" -> args[0] = stringKeys((Map<String, Object>) args[0]);
            case "listOffsets", "deleteRecords", "electLeaders", "alterPartitionReassignments" ->
                args[0] = partitionArg(args[0]);
            case "alterConsumerGroupOffsets", "deleteConsumerGroupOffsets" -> {
                args[0] = ns.real((String) args[0]);
                args[1] = partitionArg(args[1]);
            }
            case "listConsumerGroupOffsets" ->
                args[0] = args[0] instanceof String group
                        ? ns.real(group)
                        : groupSpecs((Map<String, ListConsumerGroupOffsetsSpec>) args[0]);
            case "describeShareGroups", "deleteShareGroups" -> args[0] = ns.realTopics((Collection<String>) args[0]);
            case "listShareGroupOffsets" -> args[0] = stringKeys((Map<String, Object>) args[0]);
            case "deleteConsumerGroups", "describeConsumerGroups", "removeMembersFromConsumerGroup" ->
                args[0] =
                        args[0] instanceof String group ? ns.real(group) : ns.realTopics((Collection<String>) args[0]);
            case "describeConfigs" ->
                args[0] = ((Collection<ConfigResource>) args[0])
                        .stream().map(this::real).toList();
            case "incrementalAlterConfigs" -> args[0] = resourceKeys((Map<ConfigResource, Object>) args[0]);
            default -> {
                // not a call that names topics or groups: it goes as it is, and the cluster's ACLs decide
            }
        }
    }

    private NewTopic real(NewTopic topic) {
        NewTopic real = topic.replicasAssignments() != null
                ? new NewTopic(ns.real(topic.name()), topic.replicasAssignments())
                : new NewTopic(
                        ns.real(topic.name()),
                        topic.numPartitions() < 0 ? Optional.empty() : Optional.of(topic.numPartitions()),
                        topic.replicationFactor() < 0 ? Optional.empty() : Optional.of(topic.replicationFactor()));
        return topic.configs() == null ? real : real.configs(topic.configs());
    }

    @SuppressWarnings("unchecked")
    private Object topics(Object arg) {
        if (arg instanceof TopicCollection.TopicNameCollection names) {
            return TopicCollection.ofTopicNames(ns.realTopics(names.topicNames()));
        }
        if (arg instanceof Collection<?> names) {
            return ns.realTopics((Collection<String>) names);
        }
        return arg; // topic ids name no prefix; the ACLs decide
    }

    private Map<String, Object> stringKeys(Map<String, Object> map) {
        Map<String, Object> real = new LinkedHashMap<>();
        map.forEach((k, v) -> real.put(ns.real(k), v));
        return real;
    }

    @SuppressWarnings("unchecked")
    private Object partitionArg(Object arg) {
        if (arg instanceof Map<?, ?> map) {
            return Namespace.mapKeys((Map<TopicPartition, Object>) map, ns::real);
        }
        if (arg instanceof Set<?> set) {
            Set<TopicPartition> real = new LinkedHashSet<>(ns.realPartitions((Collection<TopicPartition>) set));
            return real;
        }
        if (arg instanceof Optional<?> optional && optional.isPresent() && optional.get() instanceof Set<?> set) {
            return Optional.of(new LinkedHashSet<>(ns.realPartitions((Collection<TopicPartition>) set)));
        }
        return arg;
    }

    private Map<String, ListConsumerGroupOffsetsSpec> groupSpecs(Map<String, ListConsumerGroupOffsetsSpec> specs) {
        Map<String, ListConsumerGroupOffsetsSpec> real = new LinkedHashMap<>();
        specs.forEach((group, spec) -> real.put(
                ns.real(group),
                spec.topicPartitions() == null
                        ? spec
                        : new ListConsumerGroupOffsetsSpec()
                                .topicPartitions(List.copyOf(ns.realPartitions(spec.topicPartitions())))));
        return real;
    }

    private ConfigResource real(ConfigResource resource) {
        return named(resource) ? new ConfigResource(resource.type(), ns.real(resource.name())) : resource;
    }

    /** Topics and groups (a share group's settings) are named in the learner's namespace; brokers are not. */
    private static boolean named(ConfigResource resource) {
        return resource.type() == ConfigResource.Type.TOPIC || resource.type() == ConfigResource.Type.GROUP;
    }

    private Map<ConfigResource, Object> resourceKeys(Map<ConfigResource, Object> map) {
        Map<ConfigResource, Object> real = new LinkedHashMap<>();
        map.forEach((k, v) -> real.put(real(k), v));
        return real;
    }
}
