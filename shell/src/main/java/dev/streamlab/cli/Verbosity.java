package dev.streamlab.cli;

import java.util.Arrays;

/**
 * Kafka's loggers read their level once, when the first one is created, so {@code --verbose}
 * must be known before any Kafka class runs: it is read from the raw arguments.
 */
final class Verbosity {

    private Verbosity() {
    }

    static void applyEarly(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", "info");
            System.setProperty("org.slf4j.simpleLogger.log.tc", "info");
        }
    }
}
