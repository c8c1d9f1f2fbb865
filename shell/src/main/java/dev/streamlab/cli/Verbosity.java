package dev.streamlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.streamlab.notebook.StreamlabHome;

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
        } else if (interactive(args)) {
            // The brokers' own errors (a slow machine makes the controller complain) would land in the
            // middle of the learner's screen and garble the line being edited: keep them in a file.
            try {
                Path home = StreamlabHome.path();
                Files.createDirectories(home);
                System.setProperty("org.slf4j.simpleLogger.logFile", home.resolve("kafka.log").toString());
            } catch (IOException | RuntimeException e) {
                // Then they go to stderr, as usual.
            }
        }
    }

    /** {@code streamlab learn ...}, or a bare {@code streamlab}, which means the same. */
    static boolean interactive(String[] args) {
        List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("-")).toList();
        boolean help = Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
        return !help && (words.isEmpty() || words.get(0).equals("learn"));
    }
}
