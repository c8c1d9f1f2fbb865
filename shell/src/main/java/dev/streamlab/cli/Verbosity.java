package dev.streamlab.cli;

import java.util.Arrays;
import java.util.List;

/**
 * How much of Kafka's own logging a learner sees. Quiet by default: the brokers, the controller and Connect run
 * inside streamlab, and what they log (a broker refusing a write, a follower losing its leader) is what the
 * lesson shows on purpose, so it stays silent; client errors still show. {@code --verbose} shows everything
 * from INFO up.
 *
 * <p>Loggers read their level once, when the first one is created, so this runs first thing in {@code main},
 * from the raw arguments.
 */
final class Verbosity {

    /** Loggers that stay silent unless --verbose: Kafka's server side, Connect, and Testcontainers. */
    static final List<String> QUIET_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.storage",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.connect",
            "com.yammer.metrics",
            "org.apache.kafka.common.utils.internals.AppInfoParser",
            // Testcontainers reports a missing Docker engine as an error; streamlab says it in its own words.
            "org.testcontainers",
            "tc");

    private Verbosity() {}

    static void applyEarly(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            return;
        }
        if (Arrays.stream(args)
                        .anyMatch(a -> a.equals("--class-server") || a.equals("--class") || a.startsWith("--class="))
                || ClusterOptions.envClassFile() != null) {
            // An unreachable class server is one line of streamlab's own, not a warning per reconnect.
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "off");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.producer", "off");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.streams", "warn");
        }
        for (String logger : QUIET_LOGGERS) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "off");
        }
    }
}
