package dev.streamlab.notebook;

import java.util.List;
import java.util.function.Predicate;

import dev.streamlab.diagram.Drawing;

/**
 * Commands that look at something the learner built in Java: {@code /topology} draws a Kafka Streams
 * topology, {@code /smt} shows a transform chain on sample customer events. They become a line of Java
 * for the learner's session, so they see exactly the object the learner has.
 */
final class LearnerVariableCommands {

    static final int DEFAULT_SAMPLES = 3;

    private LearnerVariableCommands() {
    }

    static void addTo(ClusterCommands commands, JavaSession java) {
        commands.add(new ClusterCommands.Command("topology", "/topology [VARIABLE]",
                "Draws a Kafka Streams topology you built: the newest Topology variable, or the one you name.",
                args -> Drawing.text("System.out.println(new dev.streamlab.diagram.TopologyDiagram(dev.streamlab.diagram.Style.plain()).render("
                        + variable(java, args, "Topology", "Topology"::equals, "var topology = builder.build();")
                        + ".describe()));"),
                true));
        commands.add(new ClusterCommands.Command("smt", "/smt [VARIABLE] [N]",
                "Applies a transform chain (a map of transforms.* settings) to N sample customer events, before -> after.",
                args -> Drawing.text(smt(java, args)), true));
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
        String chain = variable(java, names, "map of transforms.* settings", type -> type.endsWith("Map"),
                "var chain = new LinkedHashMap<String, String>(); chain.put(\"transforms\", \"...\");");
        return "System.out.println(dev.streamlab.connect.SmtPlayground.show(" + chain + ", \"customers\", "
                + "dev.streamlab.demodata.JsonLines.read(dev.streamlab.learner.Kafka.demoData(\"customer-events.jsonl\"), java.util.Map.class)"
                + ".subList(0, " + samples + ")));";
    }

    /** The variable the learner named, or their newest one of the right type. */
    private static String variable(JavaSession java, List<String> args, String what, Predicate<String> type, String example) {
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
