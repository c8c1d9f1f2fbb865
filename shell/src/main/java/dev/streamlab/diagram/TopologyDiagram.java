package dev.streamlab.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.streamlab.diagram.Style.Part;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Node;
import org.apache.kafka.streams.TopologyDescription.Processor;
import org.apache.kafka.streams.TopologyDescription.Sink;
import org.apache.kafka.streams.TopologyDescription.Source;
import org.apache.kafka.streams.TopologyDescription.Subtopology;

/**
 * A Kafka Streams topology drawn top to bottom: the topics it reads, each step with what it does
 * ({@code filter}, {@code aggregate}, ...) and the stores it keeps, and the topics it writes. The same
 * facts as {@code topology.describe()}, in the order the data flows.
 */
public final class TopologyDiagram {

    /** Kafka names steps like {@code KSTREAM-FILTER-0000000004}: the middle word says what the step does. */
    private static final Pattern GENERATED_NAME = Pattern.compile("K(?:STREAM|TABLE)-([A-Z-]+?)-\\d+");

    private final Style style;

    public TopologyDiagram(Style style) {
        this.style = style;
    }

    public String render(TopologyDescription description) {
        List<String> lines = new ArrayList<>();
        List<Subtopology> parts = new ArrayList<>(description.subtopologies());
        parts.sort(Comparator.comparingInt(Subtopology::id));
        for (Subtopology part : parts) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(style.paint(Part.TITLE, "Sub-topology " + part.id()));
            render(part, lines);
        }
        if (!description.globalStores().isEmpty()) {
            lines.add("");
            description.globalStores().forEach(store -> lines.add(style.paint(Part.TITLE, "Global store ")
                    + String.join(", ", store.processor().stores()) + " from " + topics(store.source())));
        }
        return lines.isEmpty() ? "An empty topology: no step reads a topic yet." : String.join("\n", lines);
    }

    private void render(Subtopology part, List<String> lines) {
        List<Node> order = flowOrder(part);
        int width = order.stream().mapToInt(node -> what(node).length()).max().orElse(0);
        for (int i = 0; i < order.size(); i++) {
            Node node = order.get(i);
            boolean continues = i > 0 && order.get(i - 1).successors().stream().map(Node::name).toList().equals(List.of(node.name()));
            if (!continues && !node.predecessors().isEmpty()) {
                lines.add("");
                lines.add("  " + style.paint(Part.MUTED, "from " + String.join(", ",
                        node.predecessors().stream().map(Node::name).sorted().toList())));
            }
            if (node instanceof Source source) {
                lines.add("  " + style.paint(Part.POSITION, topics(source)));
                lines.add(arrow());
            }
            StringBuilder line = new StringBuilder("  ").append(pad(what(node), width)).append("  ")
                    .append(style.paint(Part.MUTED, node.name()));
            if (node instanceof Processor processor && !processor.stores().isEmpty()) {
                line.append("  ").append(style.paint(Part.WATERMARK, "store " + String.join(", ", processor.stores())));
            }
            lines.add(line.toString());
            if (node instanceof Sink sink) {
                lines.add(arrow());
                lines.add("  " + style.paint(Part.POSITION, sink.topic() != null ? sink.topic() : "(topic chosen per record)"));
            }
            List<String> next = node.successors().stream().map(Node::name).sorted().toList();
            boolean flowsOn = i + 1 < order.size() && next.equals(List.of(order.get(i + 1).name()));
            if (flowsOn) {
                lines.add(arrow());
            } else if (!next.isEmpty()) {
                lines.add("  " + style.paint(Part.MUTED, "↓ to " + String.join(", ", next)));
            }
        }
    }

    private String arrow() {
        return "  " + style.paint(Part.MUTED, "↓");
    }

    /** Depth first from the sources, so a straight pipeline reads in order and a branch follows its parent. */
    private static List<Node> flowOrder(Subtopology part) {
        List<Node> nodes = new ArrayList<>(part.nodes());
        nodes.sort(Comparator.comparing(Node::name));
        Set<Node> seen = new LinkedHashSet<>();
        nodes.stream().filter(node -> node.predecessors().isEmpty()).forEach(node -> visit(node, seen));
        nodes.forEach(node -> visit(node, seen));
        return new ArrayList<>(seen);
    }

    private static void visit(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        node.successors().stream().sorted(Comparator.comparing(Node::name)).forEach(next -> visit(next, seen));
    }

    /** What a step does: its operation for Kafka's generated names, its kind for names a programmer chose. */
    static String what(Node node) {
        Matcher generated = GENERATED_NAME.matcher(node.name());
        if (generated.matches()) {
            return generated.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        if (node instanceof Source) {
            return "source";
        }
        return node instanceof Sink ? "sink" : "processor";
    }

    private static String topics(Source source) {
        if (source.topicSet() != null && !source.topicSet().isEmpty()) {
            return String.join(", ", new java.util.TreeSet<>(source.topicSet()));
        }
        return source.topicPattern() == null ? "(no topic)" : "topics matching " + source.topicPattern();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
