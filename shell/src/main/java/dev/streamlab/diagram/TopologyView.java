package dev.streamlab.diagram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Node;
import org.apache.kafka.streams.TopologyDescription.Processor;
import org.apache.kafka.streams.TopologyDescription.Sink;
import org.apache.kafka.streams.TopologyDescription.Source;

/**
 * The facts of {@code topology.describe()} as plain values: what {@link TopologyDiagram} draws. It is
 * serializable, so the learner's topology can be read in the JVM that runs their cells and drawn in the shell.
 */
public record TopologyView(List<Part> parts, List<GlobalStore> globalStores) implements View, Serializable {

    public TopologyView {
        parts = List.copyOf(parts);
        globalStores = List.copyOf(globalStores);
    }

    /** One sub-topology: the steps that data flows through between two topics. */
    public record Part(int id, List<Step> steps) implements Serializable {
        public Part {
            steps = List.copyOf(steps);
        }
    }

    public enum Kind {
        SOURCE,
        PROCESSOR,
        SINK
    }

    /**
     * One step. {@code topics} are those a source reads or the one a sink writes (none when a sink chooses per
     * record); {@code topicPattern} is a source's pattern, or null.
     */
    public record Step(
            String name,
            Kind kind,
            List<String> topics,
            String topicPattern,
            List<String> stores,
            List<String> predecessors,
            List<String> successors)
            implements Serializable {
        public Step {
            topics = List.copyOf(topics);
            stores = List.copyOf(stores);
            predecessors = List.copyOf(predecessors);
            successors = List.copyOf(successors);
        }
    }

    /** A store every instance keeps whole, filled from {@code source} (its topics, as a source step reads them). */
    public record GlobalStore(List<String> stores, Step source) implements Serializable {
        public GlobalStore {
            stores = List.copyOf(stores);
        }
    }

    public static TopologyView of(TopologyDescription description) {
        List<Part> parts = description.subtopologies().stream()
                .sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id))
                .map(part -> new Part(
                        part.id(),
                        part.nodes().stream()
                                .map(TopologyView::step)
                                .sorted(Comparator.comparing(Step::name))
                                .toList()))
                .toList();
        List<GlobalStore> stores = description.globalStores().stream()
                .map(store -> new GlobalStore(
                        List.copyOf(new TreeSet<>(store.processor().stores())), step(store.source())))
                .toList();
        return new TopologyView(parts, stores);
    }

    private static Step step(Node node) {
        List<String> topics = new ArrayList<>();
        String pattern = null;
        List<String> stores = List.of();
        Kind kind = Kind.PROCESSOR;
        if (node instanceof Source source) {
            kind = Kind.SOURCE;
            if (source.topicSet() != null) {
                topics.addAll(new TreeSet<>(source.topicSet()));
            }
            pattern =
                    source.topicPattern() == null ? null : source.topicPattern().pattern();
        } else if (node instanceof Sink sink) {
            kind = Kind.SINK;
            if (sink.topic() != null) {
                topics.add(sink.topic());
            }
        } else if (node instanceof Processor processor) {
            stores = List.copyOf(new TreeSet<>(processor.stores()));
        }
        return new Step(
                node.name(), kind, topics, pattern, stores, names(node.predecessors()), names(node.successors()));
    }

    private static List<String> names(Set<Node> nodes) {
        return nodes.stream().map(Node::name).sorted().toList();
    }
}
