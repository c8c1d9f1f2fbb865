package dev.streamlab.notebook;

import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.GroupTable;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.LogStrip;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.PartitionMap;
import dev.streamlab.diagram.QueueTable;
import dev.streamlab.diagram.QueueView;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.inspect.ClusterViews;
import dev.streamlab.notebook.PromptCommand.Arguments;
import dev.streamlab.notebook.PromptCommand.Where;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The toolkit commands that look at or change the cluster, for command cells and the learner: {@code /brokers},
 * {@code /broker kill 2}, {@code /topics}, {@code /partitions orders}, {@code /log orders}. They run in the shell's JVM,
 * next to the cluster, and return what to show as a {@link Drawing} (the front end draws it in colour at its width);
 * they never print. They go into the {@link PromptCommands} table with {@link #addTo}.
 */
public final class ClusterCommands implements AutoCloseable {

    /** How many of the newest records {@code /log} shows with their keys and values. */
    private static final int LOG_RECORDS = 8;

    private final Cluster cluster;
    /** The last view of each topic, so {@code /partitions} can show what changed since. */
    private final Map<String, TopicView> lastViews = new java.util.HashMap<>();

    private Admin admin;
    private ClusterViews views;

    public ClusterCommands(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Adds the cluster's commands to {@code table}. */
    public void addTo(PromptCommands table) {
        Where where = Where.NEEDS_CLUSTER;
        table.add(new PromptCommand(
                "/brokers",
                "/brokers",
                "Which brokers are up.",
                where,
                Arguments.NONE,
                args -> Drawing.text(brokers())));
        table.add(new PromptCommand(
                "/broker",
                "/broker kill|stop|restart ID",
                "Kill (crash), stop (gracefully) or restart a broker. "
                        + "ID may also be `leader TOPIC PARTITION`, `follower TOPIC PARTITION`, or `stopped` to restart every stopped broker.",
                where,
                this::brokerArguments,
                args -> Drawing.text(broker(args))));
        table.add(new PromptCommand(
                "/topics",
                "/topics",
                "The topics, with their partition counts.",
                where,
                Arguments.NONE,
                args -> Drawing.text(topics())));
        table.add(new PromptCommand(
                "/partitions",
                "/partitions TOPIC",
                "Partitions against brokers: leaders, followers, copies out of sync, "
                        + "and what changed since you last looked.",
                where,
                Arguments.NONE,
                args -> partitions(one(args, "/partitions TOPIC"))));
        table.add(new PromptCommand(
                "/log",
                "/log TOPIC [PARTITION]",
                "A partition's log from old to new, with where each group is.",
                where,
                Arguments.NONE,
                this::log));
        table.add(new PromptCommand(
                "/groups",
                "/groups",
                "Consumer groups: members, committed offsets and lag.",
                where,
                Arguments.NONE,
                args -> groups()));
        table.add(new PromptCommand(
                "/queue",
                "/queue GROUP",
                "A share group: its members, and each record's state (acknowledged, "
                        + "available again, archived) with how many times Kafka delivered it.",
                where,
                Arguments.NONE,
                args -> queue(one(args, "/queue GROUP"))));
    }

    /** What to do, then which broker: its id once the cluster is up (asking a starting cluster would wait for it). */
    private List<String> brokerArguments(List<String> before) {
        if (before.isEmpty()) {
            return List.of("kill", "stop", "restart");
        }
        if (before.size() > 1) {
            return List.of();
        }
        List<String> which = new java.util.ArrayList<>();
        if (!(cluster instanceof StartingCluster starting) || starting.isUp()) {
            cluster.brokerIds().forEach(id -> which.add(String.valueOf(id)));
        }
        which.addAll(
                before.get(0).equals("restart")
                        ? List.of("leader", "follower", "stopped")
                        : List.of("leader", "follower"));
        return which;
    }

    private String brokers() {
        return cluster.brokerIds().stream()
                .map(id -> "Broker " + id + " is " + (cluster.isRunning(id) ? "up" : "down"))
                .collect(Collectors.joining("\n"));
    }

    private String broker(List<String> args) {
        String usage = "/broker kill|stop|restart ID";
        if (args.size() < 2) {
            throw new CommandException("Say what to do and to which broker, e.g. /broker kill 2. Usage: " + usage);
        }
        String action = args.get(0);
        if (!Set.of("kill", "stop", "restart").contains(action)) {
            throw new CommandException("/broker can kill, stop or restart, not `" + action + "`. Usage: " + usage);
        }
        if (!cluster.canControlBrokers()) {
            throw new CommandException(
                    "This cluster's brokers are not streamlab's to " + action + " (someone else runs them,"
                            + " as in a class): read on, or try this step on a cluster of your own with --cluster embedded.");
        }
        if (action.equals("restart") && args.get(1).equals("stopped")) {
            List<Integer> stopped = cluster.brokerIds().stream()
                    .filter(id -> !cluster.isRunning(id))
                    .toList();
            if (stopped.isEmpty()) {
                return "Every broker is up already.";
            }
            stopped.forEach(cluster::restartBroker);
            return stopped.stream().map(id -> "Restarted broker " + id).collect(Collectors.joining("\n"));
        }
        int id = switch (args.get(1)) {
            case "leader" -> leaderOf(args);
            case "follower" -> followerOf(args);
            default -> brokerId(args.get(1));
        };
        switch (action) {
            case "kill" -> cluster.killBroker(id);
            case "stop" -> cluster.stopBroker(id);
            default -> cluster.restartBroker(id);
        }
        return switch (action) {
            case "kill" -> "Killed broker " + id + " (as if its machine died)";
            case "stop" -> "Stopped broker " + id + " (it handed over its leaderships first)";
            default -> "Restarted broker " + id;
        };
    }

    private int leaderOf(List<String> args) {
        if (args.size() < 3) {
            throw new CommandException("Name the partition: /broker kill leader TOPIC [PARTITION]");
        }
        int partition = args.size() > 3 ? number(args.get(3), "partition") : 0;
        PartitionState state = describe(args.get(2)).stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .orElseThrow(
                        () -> new CommandException("Topic " + args.get(2) + " has no partition " + partition + "."));
        if (!state.hasLeader()) {
            throw new CommandException("Partition " + partition + " of " + args.get(2) + " has no leader right now.");
        }
        return state.leader();
    }

    /** The first in-sync follower of a partition: a broker that has a full copy but does not lead. */
    private int followerOf(List<String> args) {
        if (args.size() < 3) {
            throw new CommandException("Name the partition: /broker kill follower TOPIC [PARTITION]");
        }
        int partition = args.size() > 3 ? number(args.get(3), "partition") : 0;
        PartitionState state = describe(args.get(2)).stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .orElseThrow(
                        () -> new CommandException("Topic " + args.get(2) + " has no partition " + partition + "."));
        return state.isr().stream()
                .filter(id -> id != state.leader())
                .findFirst()
                .orElseThrow(() -> new CommandException("Partition " + partition + " of " + args.get(2)
                        + " has no in-sync follower right now: only its leader has all the records."));
    }

    private int brokerId(String text) {
        int id = number(text, "broker id");
        if (!cluster.brokerIds().contains(id)) {
            throw new CommandException("There is no broker " + id + ". Brokers: " + cluster.brokerIds() + ".");
        }
        return id;
    }

    private String topics() {
        try {
            dev.streamlab.cluster.Namespace ns = cluster.namespace();
            Set<String> names = new TreeSet<>(
                    admin().listTopics(new ListTopicsOptions()).names().get(10, TimeUnit.SECONDS));
            names.removeIf(n -> !ns.owns(n));
            if (names.isEmpty()) {
                return "No topics yet.";
            }
            Map<String, Integer> partitions = new LinkedHashMap<>();
            admin().describeTopics(names)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((name, d) -> partitions.put(name, d.partitions().size()));
            return names.stream()
                    .map(n -> String.format(
                            "%-20s %d partition%s", ns.shown(n), partitions.get(n), partitions.get(n) == 1 ? "" : "s"))
                    .collect(Collectors.joining("\n"));
        } catch (ExecutionException | TimeoutException e) {
            throw new CommandException("Cannot list the topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted.");
        }
    }

    private Drawing partitions(String topic) {
        describe(topic);
        TopicView now = views().topic(topic, ClusterViews.brokersOf(cluster));
        TopicView before = lastViews.put(topic, now);
        return Drawing.of(
                List.of(now),
                (style, width) -> before == null
                        ? new PartitionMap(style, width).render(now)
                        : new PartitionMap(style, width).render(now, before));
    }

    private Drawing log(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("Usage: /log TOPIC [PARTITION]");
        }
        String topic = args.get(0);
        List<Integer> partitions = describe(topic).stream()
                .map(PartitionState::partition)
                .filter(p -> args.size() < 2 || p == number(args.get(1), "partition"))
                .toList();
        if (partitions.isEmpty()) {
            throw new CommandException("Topic " + topic + " has no partition " + args.get(1) + ".");
        }
        List<LogView> logs =
                partitions.stream().map(p -> views().log(topic, p, LOG_RECORDS)).toList();
        return Drawing.of(
                logs,
                (style, width) ->
                        logs.stream().map(new LogStrip(style, width)::render).collect(Collectors.joining("\n\n")));
    }

    private Drawing groups() {
        List<GroupView> groups = views().groups();
        return groups.isEmpty()
                ? Drawing.text("No consumer groups yet.")
                : Drawing.of(groups, (style, width) -> new GroupTable(style).render(groups));
    }

    private Drawing queue(String group) {
        QueueView queue = views().queue(group);
        return Drawing.of(List.of(queue), (style, width) -> new QueueTable(style, width).render(queue));
    }

    private ClusterViews views() {
        if (views == null) {
            views = new ClusterViews(cluster.clientConfig(), cluster.namespace());
        }
        return views;
    }

    private List<PartitionState> describe(String topic) {
        try {
            return cluster.describeTopic(cluster.namespace().real(topic));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnknownTopicOrPartitionException) {
                    throw new CommandException("There is no topic " + topic + ". /topics lists them.");
                }
            }
            throw e;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(AdminSettings.withTimeouts(cluster.clientConfig(), 8_000, 10_000));
        }
        return admin;
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new CommandException("Usage: " + usage);
        }
        return args.get(0);
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CommandException("`" + text + "` is not a " + what + "; write a number.");
        }
    }

    @Override
    public void close() {
        if (views != null) {
            views.close();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
