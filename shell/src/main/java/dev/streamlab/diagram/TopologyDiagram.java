package dev.streamlab.diagram;

import dev.streamlab.diagram.Style.Part;
import dev.streamlab.diagram.TopologyView.Kind;
import dev.streamlab.diagram.TopologyView.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.TopologyDescription;

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
        return render(TopologyView.of(description));
    }

    public String render(TopologyView topology) {
        List<String> lines = new ArrayList<>();
        for (TopologyView.Part part : topology.parts()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(style.paint(Part.TITLE, "Sub-topology " + part.id()));
            render(part, lines);
        }
        if (!topology.globalStores().isEmpty()) {
            lines.add("");
            topology.globalStores()
                    .forEach(store -> lines.add(style.paint(Part.TITLE, "Global store ")
                            + String.join(", ", store.stores()) + " from " + topics(store.source())));
        }
        return lines.isEmpty() ? "An empty topology: no step reads a topic yet." : String.join("\n", lines);
    }

    private void render(TopologyView.Part part, List<String> lines) {
        List<Step> order = flowOrder(part);
        int width = order.stream().mapToInt(step -> what(step).length()).max().orElse(0);
        for (int i = 0; i < order.size(); i++) {
            Step step = order.get(i);
            boolean continues = i > 0 && order.get(i - 1).successors().equals(List.of(step.name()));
            if (!continues && !step.predecessors().isEmpty()) {
                lines.add("");
                lines.add("  " + style.paint(Part.MUTED, "from " + String.join(", ", step.predecessors())));
            }
            if (step.kind() == Kind.SOURCE) {
                lines.add("  " + style.paint(Part.POSITION, topics(step)));
                lines.add(arrow());
            }
            StringBuilder line = new StringBuilder("  ")
                    .append(pad(what(step), width))
                    .append("  ")
                    .append(style.paint(Part.MUTED, step.name()));
            if (!step.stores().isEmpty()) {
                line.append("  ").append(style.paint(Part.WATERMARK, "store " + String.join(", ", step.stores())));
            }
            lines.add(line.toString());
            if (step.kind() == Kind.SINK) {
                lines.add(arrow());
                lines.add("  "
                        + style.paint(
                                Part.POSITION,
                                step.topics().isEmpty()
                                        ? "(topic chosen per record)"
                                        : step.topics().get(0)));
            }
            List<String> next = step.successors();
            boolean flowsOn =
                    i + 1 < order.size() && next.equals(List.of(order.get(i + 1).name()));
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
    private static List<Step> flowOrder(TopologyView.Part part) {
        Map<String, Step> byName = new LinkedHashMap<>();
        part.steps().stream().sorted(Comparator.comparing(Step::name)).forEach(step -> byName.put(step.name(), step));
        Set<Step> seen = new LinkedHashSet<>();
        byName.values().stream()
                .filter(step -> step.predecessors().isEmpty())
                .forEach(step -> visit(step, byName, seen));
        byName.values().forEach(step -> visit(step, byName, seen));
        return new ArrayList<>(seen);
    }

    private static void visit(Step step, Map<String, Step> byName, Set<Step> seen) {
        if (!seen.add(step)) {
            return;
        }
        step.successors().stream()
                .sorted()
                .map(byName::get)
                .filter(java.util.Objects::nonNull)
                .forEach(next -> visit(next, byName, seen));
    }

    /** What a step does: its operation for Kafka's generated names, its kind for names a programmer chose. */
    static String what(Step step) {
        Matcher generated = GENERATED_NAME.matcher(step.name());
        if (generated.matches()) {
            return generated.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (step.kind()) {
            case SOURCE -> "source";
            case SINK -> "sink";
            case PROCESSOR -> "processor";
        };
    }

    private static String topics(Step source) {
        if (!source.topics().isEmpty()) {
            return String.join(", ", source.topics());
        }
        return source.topicPattern() == null ? "(no topic)" : "topics matching " + source.topicPattern();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
