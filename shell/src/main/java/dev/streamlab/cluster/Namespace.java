package dev.streamlab.cluster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * A learner's namespace in a class: the prefix ({@code ana.}) in front of every topic, group and transactional id
 * they name. {@link #real} adds it on the way to the cluster, {@link #shown} takes it off on the way back, so lessons,
 * cells and diagrams keep saying {@code orders} while the cluster holds {@code ana.orders}. The cluster's ACLs, not
 * this class, keep learners apart: a name that escapes the mapping is refused by Kafka's authorizer.
 */
public record Namespace(String prefix) {

    /** No class: names are what they say. */
    public static final Namespace NONE = new Namespace("");

    /** The system property that holds the prefix in the learner's JVM (streamlab sets it in a class). */
    public static final String PROPERTY = "streamlab.namespace";

    public Namespace {
        prefix = prefix == null ? "" : prefix;
    }

    /**
     * The namespace of the learner whose cells this JVM runs (streamlab sets it in a class), for streamlab's own code
     * that runs there, such as lesson 05's fraud detector; {@link #NONE} anywhere else.
     */
    public static Namespace ofThisJvm() {
        return new Namespace(System.getProperty(PROPERTY, ""));
    }

    public boolean isNone() {
        return prefix.isEmpty();
    }

    /** The name on the cluster. */
    public String real(String name) {
        return name == null || isNone() ? name : prefix + name;
    }

    /** The name the learner knows; a name outside the namespace is shown as it is. */
    public String shown(String name) {
        return name != null && !isNone() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /** Whether a name on the cluster is this learner's. */
    public boolean owns(String name) {
        return isNone() || name != null && name.startsWith(prefix);
    }

    public TopicPartition real(TopicPartition tp) {
        return isNone() ? tp : new TopicPartition(real(tp.topic()), tp.partition());
    }

    public TopicPartition shown(TopicPartition tp) {
        return isNone() ? tp : new TopicPartition(shown(tp.topic()), tp.partition());
    }

    public List<String> realTopics(Collection<String> topics) {
        return topics.stream().map(this::real).toList();
    }

    public List<TopicPartition> realPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().map(this::real).toList();
    }

    public Set<TopicPartition> shownPartitions(Collection<TopicPartition> partitions) {
        Set<TopicPartition> shown = new LinkedHashSet<>();
        partitions.forEach(tp -> shown.add(shown(tp)));
        return shown;
    }

    /** A map keyed by partitions, with the keys mapped. */
    public static <V> Map<TopicPartition, V> mapKeys(
            Map<TopicPartition, V> map, Function<TopicPartition, TopicPartition> f) {
        if (map == null) {
            return null;
        }
        Map<TopicPartition, V> mapped = new LinkedHashMap<>();
        map.forEach((k, v) -> mapped.put(f.apply(k), v));
        return mapped;
    }
}
