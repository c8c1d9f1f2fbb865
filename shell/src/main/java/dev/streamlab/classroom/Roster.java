package dev.streamlab.classroom;

import dev.streamlab.cluster.SettingException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The learners of a class, one name a line ({@code #} starts a comment; blank lines are skipped). A name becomes the
 * learner's Kafka user and, with a dot, the prefix of every name of theirs ({@code ana} owns {@code ana.orders}).
 * Names are lower-case letters, digits, {@code -} and {@code _}, starting with a letter, at most 32 characters: with
 * no dot in a name, no learner's prefix can begin another's ({@code ana.} never covers {@code ana.b.orders}, because
 * {@code ana.b} is refused), so one learner's prefixed ACLs never reach a classmate's topics.
 */
public record Roster(List<String> learners) {

    public static final char SEPARATOR = '.';
    static final int MAX_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");
    /** Names Kafka or a cluster's operators use for themselves. */
    private static final List<String> RESERVED = List.of("admin", "kafka", "connect", "streamlab", "anonymous");

    public Roster {
        learners = List.copyOf(learners);
    }

    /** The prefix of every topic, group and transactional id of this learner. */
    public static String prefix(String learner) {
        return learner + SEPARATOR;
    }

    public static Roster read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new SettingException(
                    "The roster " + file + " is not UTF-8 text. Save it as plain text, one learner's name a line.");
        } catch (IOException e) {
            throw new SettingException("Cannot read the roster " + file + " ("
                    + e.getClass().getSimpleName() + "). Check the path given to --roster.");
        }
        return parse(lines, file.toString());
    }

    /** Checks every line; the first problem is the error, naming its line and the fix. */
    static Roster parse(List<String> lines, String where) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (name.isEmpty()) {
                continue;
            }
            String at = where + " line " + (i + 1);
            check(name, at);
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw new SettingException("The roster names '" + name + "' twice (" + at + " and line " + first
                        + "). Give each learner one line, with a name of their own (ana2, ana-m).");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new SettingException("The roster " + where + " names no learner. Write one name a line (ana, bob).");
        }
        return new Roster(names);
    }

    private static void check(String name, String at) {
        if (name.indexOf(SEPARATOR) >= 0) {
            throw new SettingException("'" + name + "' (" + at + ") has a dot, so its prefix '" + name + SEPARATOR
                    + "' could collide with another learner's ('ana' owns every name starting 'ana.'). Leave dots out: "
                    + name.replace(SEPARATOR, '-') + ".");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))
                && NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            throw new SettingException(
                    "'" + name + "' (" + at + ") has capital letters; names are lower case, so 'Ana' and"
                            + " 'ana' cannot be two learners. Write " + name.toLowerCase(Locale.ROOT) + ".");
        }
        if (!NAME.matcher(name).matches()) {
            throw new SettingException("'" + name + "' (" + at + ") is not a learner's name: use 1 to " + MAX_LENGTH
                    + " lower-case letters, digits, '-' or '_', starting with a letter (ana, bob-2).");
        }
        // "streamlab-progress" would own every learner's progress topic (streamlab-progress.NAME) by its prefix.
        if (RESERVED.contains(name) || name.startsWith("streamlab")) {
            throw new SettingException("'" + name + "' (" + at + ") is a name the cluster keeps for itself. Give this"
                    + " learner another (" + name + "-1).");
        }
    }
}
