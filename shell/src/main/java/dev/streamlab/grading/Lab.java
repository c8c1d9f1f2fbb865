package dev.streamlab.grading;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * One lab, a folder {@code labs/NN-name/}: {@code README.adoc}, {@code starter/}, {@code solution/},
 * {@code checks/visible/}, {@code checks/hidden/}, {@code harness/} and {@code lab.properties} (title, time limits, heaps).
 */
public record Lab(
        String number,
        String name,
        Path directory,
        String title,
        Duration checkTimeout,
        Duration overallTimeout,
        int heapMb,
        int learnerHeapMb) {

    public static Lab load(Path directory) {
        String folder = directory.getFileName().toString();
        int dash = folder.indexOf('-');
        Properties p = new Properties();
        Path file = directory.resolve("lab.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new GradingException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return new Lab(
                folder.substring(0, dash),
                folder.substring(dash + 1),
                directory,
                p.getProperty("title", folder),
                Duration.ofSeconds(Long.parseLong(p.getProperty("check.timeout.seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(p.getProperty("overall.timeout.seconds", "120"))),
                Integer.parseInt(p.getProperty("heap.mb", "384")),
                Integer.parseInt(p.getProperty("learner.heap.mb", "256")));
    }

    /** {@code 05-fraud-window} */
    public String id() {
        return number + "-" + name;
    }

    public Path starter() {
        return directory.resolve("starter");
    }

    public Path solution() {
        return directory.resolve("solution");
    }

    public Path visibleChecks() {
        return directory.resolve("checks/visible");
    }

    /** The lab's adapter between the checks and the learner's code, compiled with the submission ({@code LabHarness}). */
    public Path harness() {
        return directory.resolve("harness");
    }

    public Path hiddenChecks() {
        return directory.resolve("checks/hidden");
    }
}
