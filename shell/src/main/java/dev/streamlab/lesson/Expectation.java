package dev.streamlab.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What must hold after a cell ran. Written one per line in an {@code [expect]} block:
 *
 * <pre>
 * output contains "Hello"
 * output matches "offset \d+"
 * fails with "NotEnoughReplicas"
 * topic orders exists
 * topic orders has 3 partitions
 * topic orders has at least 10 records
 * partition 0 of orders has a new leader
 * partition 0 of orders has 3 in-sync replicas
 * group g1 committed offset >= 10 on orders
 * </pre>
 *
 * Cluster conditions are polled until they hold or their deadline passes: 15 s, or
 * {@code ... within 30s}. Parsing is pure Java, so lessons load without Asciidoctor. The lesson catalogue stores
 * each expectation as its text, the one form authors read and write; it is parsed once, when the catalogue loads.
 */
public sealed interface Expectation {

    Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);

    /** The expectation as the lesson wrote it. */
    @JsonValue
    String text();

    /** The cell's output contains {@code text}. */
    record OutputContains(String text, String value) implements Expectation {}

    /** Some part of the cell's output matches the regular expression. */
    record OutputMatches(String text, Pattern pattern) implements Expectation {
        // Pattern has no equals of its own: two expectations read from the same text are the same.
        @Override
        public boolean equals(Object other) {
            return other instanceof OutputMatches that
                    && text.equals(that.text)
                    && pattern.pattern().equals(that.pattern.pattern());
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** The cell must fail (a compile error, an exception, a command error) with output that contains {@code value}. */
    record FailsWith(String text, String value) implements Expectation {}

    record TopicExists(String text, String topic, Duration within) implements Expectation {}

    record TopicPartitions(String text, String topic, int partitions, Duration within) implements Expectation {}

    /** The log end offsets of the topic's partitions add up to at least {@code records}. */
    record TopicRecords(String text, String topic, long records, Duration within) implements Expectation {}

    /** The partition's leader is not the one it had before the cell ran. */
    record NewLeader(String text, String topic, int partition, Duration within) implements Expectation {}

    /** The partition's in-sync replica set has exactly {@code replicas} brokers. */
    record InSyncReplicas(String text, String topic, int partition, int replicas, Duration within)
            implements Expectation {}

    /** The group's committed offsets (summed over the topic's partitions, or all its partitions) compare to {@code value}. */
    record CommittedOffset(String text, String group, String topic, String comparison, long value, Duration within)
            implements Expectation {
        public boolean holdsFor(long committed) {
            return switch (comparison) {
                case ">=" -> committed >= value;
                case ">" -> committed > value;
                case "<=" -> committed <= value;
                case "<" -> committed < value;
                default -> committed == value;
            };
        }
    }

    String NAME = "([A-Za-z0-9._-]+)";
    String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    Pattern WITHIN = Pattern.compile("^(.*?)\\s+within\\s+(\\d+)\\s*s$");

    /** Reads one expectation; throws {@link IllegalArgumentException} saying what is wrong and what is allowed. */
    @JsonCreator
    static Expectation parse(String line) {
        String text = line.strip();
        Duration within = DEFAULT_DEADLINE;
        String body = text;
        Matcher w = WITHIN.matcher(text);
        if (w.matches()) {
            body = w.group(1).strip();
            within = Duration.ofSeconds(Long.parseLong(w.group(2)));
        }
        Matcher m;
        if ((m = match("output contains " + QUOTED, body)) != null) {
            return new OutputContains(text, unescape(m.group(1)));
        }
        if ((m = match("output matches " + QUOTED, body)) != null) {
            try {
                return new OutputMatches(text, Pattern.compile(unescape(m.group(1)), Pattern.MULTILINE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the regular expression is broken: " + e.getDescription());
            }
        }
        if ((m = match("fails with " + QUOTED, body)) != null) {
            return new FailsWith(text, unescape(m.group(1)));
        }
        if ((m = match("topic " + NAME + " exists", body)) != null) {
            return new TopicExists(text, m.group(1), within);
        }
        if ((m = match("topic " + NAME + " has (\\d+) partitions?", body)) != null) {
            return new TopicPartitions(text, m.group(1), Integer.parseInt(m.group(2)), within);
        }
        if ((m = match("topic " + NAME + " has at least (\\d+) records?", body)) != null) {
            return new TopicRecords(text, m.group(1), Long.parseLong(m.group(2)), within);
        }
        if ((m = match("partition (\\d+) of " + NAME + " has a new leader", body)) != null) {
            return new NewLeader(text, m.group(2), Integer.parseInt(m.group(1)), within);
        }
        if ((m = match("partition (\\d+) of " + NAME + " has (\\d+) in-sync replicas?", body)) != null) {
            return new InSyncReplicas(
                    text, m.group(2), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), within);
        }
        if ((m = match("group " + NAME + " committed offset (>=|<=|>|<|=) (\\d+)(?: on " + NAME + ")?", body))
                != null) {
            return new CommittedOffset(text, m.group(1), m.group(4), m.group(2), Long.parseLong(m.group(3)), within);
        }
        throw new IllegalArgumentException("cannot read the expectation `" + text + "`. Write one of: "
                + "output contains \"TEXT\", output matches \"REGEX\", fails with \"TEXT\", topic T exists, "
                + "topic T has N partitions, topic T has at least N records, partition P of T has a new leader, "
                + "partition P of T has N in-sync replicas, "
                + "group G committed offset >= N [on T]; optionally followed by `within 30s`.");
    }

    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.matches() ? m : null;
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\([\"\\\\])", "$1");
    }
}
