package dev.streamlab.notebook;

import dev.streamlab.connect.SmtPlayground;
import dev.streamlab.demodata.JsonLines;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.TopologyDiagram;
import dev.streamlab.diagram.TopologyView;
import dev.streamlab.learner.Kafka;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Commands that look at something the learner built in Java: {@code /topology} draws a Kafka Streams
 * topology, {@code /smt} shows a transform chain on sample customer events. The learner's object lives in the
 * JVM that runs their cells; the shell asks that JVM for it as plain data and draws it here.
 */
final class LearnerVariableCommands {

    static final int DEFAULT_SAMPLES = 3;
    private static final Predicate<String> TOPOLOGY = "Topology"::equals;
    private static final Predicate<String> MAP = type -> type.endsWith("Map");

    private LearnerVariableCommands() {}

    static void addTo(PromptCommands commands, JavaSession java) {
        commands.add(new PromptCommand(
                "/topology",
                "/topology [VARIABLE]",
                "Draws a Kafka Streams topology you built: the newest Topology variable, or the one you name.",
                PromptCommand.Where.NEEDS_JAVA,
                PromptCommand.Arguments.first(() -> java.variablesOfType(TOPOLOGY)),
                args -> topology(java, args)));
        commands.add(new PromptCommand(
                "/smt",
                "/smt [VARIABLE] [N]",
                "Applies a transform chain (a map of transforms.* settings) to N sample customer events, before -> after.",
                PromptCommand.Where.NEEDS_JAVA,
                PromptCommand.Arguments.first(() -> java.variablesOfType(MAP)),
                args -> Drawing.text(smt(java, args))));
    }

    private static Drawing topology(JavaSession java, List<String> args) {
        String name = variable(java, args, "Topology", TOPOLOGY, "var topology = builder.build();");
        TopologyView topology = java.topologyOf(name)
                .orElseThrow(() -> new CommandException(
                        "`" + name + "` holds no Topology. Give it one, e.g. " + name + " = builder.build();"));
        return Drawing.of(List.of(topology), (style, width) -> new TopologyDiagram(style).render(topology));
    }

    private static String smt(JavaSession java, List<String> args) {
        int samples = DEFAULT_SAMPLES;
        List<String> names = args;
        if (!args.isEmpty() && args.get(args.size() - 1).matches("\\d+")) {
            samples = Integer.parseInt(args.get(args.size() - 1));
            names = args.subList(0, args.size() - 1);
            if (samples < 1 || samples > 100) {
                throw new CommandException("Show between 1 and 100 sample events, e.g. /smt ingress 5.");
            }
        }
        String chain = variable(
                java,
                names,
                "map of transforms.* settings",
                MAP,
                "var chain = new LinkedHashMap<String, String>(); chain.put(\"transforms\", \"...\");");
        Map<String, String> settings = java.settingsOf(chain)
                .orElseThrow(() ->
                        new CommandException("`" + chain + "` holds no map of transforms.* settings. Give it one, e.g. "
                                + chain + " = new LinkedHashMap<String, String>();"));
        List<Map> events = JsonLines.read(Kafka.demoData("customer-events.jsonl"), Map.class);
        return SmtPlayground.show(settings, "customers", events.subList(0, Math.min(samples, events.size())));
    }

    /** The variable the learner named, or their newest one of the right type. */
    private static String variable(
            JavaSession java, List<String> args, String what, Predicate<String> type, String example) {
        if (args.size() > 1) {
            throw new CommandException("Name one variable, or none for your newest " + what + ".");
        }
        if (args.size() == 1) {
            String name = args.get(0);
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*") || !java.hasVariable(name)) {
                throw new CommandException("You have no variable `" + name + "`. Declare it in a Java cell first.");
            }
            return name;
        }
        List<String> candidates = java.variablesOfType(type);
        if (candidates.isEmpty()) {
            throw new CommandException("You have no " + what + " yet. Make one in a Java cell first, e.g. " + example);
        }
        return candidates.get(candidates.size() - 1);
    }
}
