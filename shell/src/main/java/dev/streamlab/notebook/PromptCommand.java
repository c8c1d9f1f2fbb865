package dev.streamlab.notebook;

import dev.streamlab.diagram.Drawing;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One command typed at the prompt, kept in one place as the JDK's {@code jshell} keeps its own (JShellTool's command
 * registry): its name and other names, how it is typed, its line of help, where it applies, the candidates that
 * complete its arguments, and what it does. {@link PromptCommands} holds every one of them.
 *
 * @param name what the learner types, such as {@code /broker}
 * @param usage how it is typed, such as {@code /broker kill|stop|restart ID}
 * @param help one sentence for {@code /help}
 */
public record PromptCommand(
        String name, List<String> aliases, String usage, String help, Where where, Arguments arguments, Action action) {

    public PromptCommand {
        aliases = List.copyOf(aliases);
        if (!name.startsWith("/") || aliases.stream().anyMatch(a -> !a.startsWith("/"))) {
            throw new IllegalArgumentException("A command's names start with /: " + name + " " + aliases);
        }
    }

    /** A command with no other name. */
    public PromptCommand(String name, String usage, String help, Where where, Arguments arguments, Action action) {
        this(name, List.of(), usage, help, where, arguments, action);
    }

    /**
     * Where a command applies. The first two steer the front end (the lesson at its prompt, the session), which runs
     * them itself; the others return what to show, and a lesson's command cell may run them too.
     */
    public enum Where {
        /** Moves through the lesson or helps with its step: only at a learning prompt. */
        IN_LESSON,
        /** The session itself (its Java, its transcript, leaving it): any time at the prompt. */
        ANY_TIME,
        /** Looks at or changes the Kafka cluster: waits for it to start. */
        NEEDS_CLUSTER,
        /** Reads one of the learner's variables in their Java session. */
        NEEDS_JAVA,
        /** Asks the SQL engine. */
        NEEDS_SQL;

        public boolean runsInCells() {
            return this != IN_LESSON && this != ANY_TIME;
        }
    }

    /** What the command does with its arguments: returns what to show, drawn by the front end; never prints. */
    @FunctionalInterface
    public interface Action {
        Drawing run(List<String> args);
    }

    /**
     * The words that may come next, given the arguments typed before the one being completed. Called at each Tab, so
     * it asks nothing slow (no broker round trip).
     */
    @FunctionalInterface
    public interface Arguments {

        Arguments NONE = before -> List.of();

        List<String> candidates(List<String> before);

        /** The same words as the first argument, none after it. */
        static Arguments first(String... words) {
            return before -> before.isEmpty() ? List.of(words) : List.of();
        }

        /** Whatever {@code words} gives at the time, as the first argument. */
        static Arguments first(Supplier<List<String>> words) {
            return before -> before.isEmpty() ? words.get() : List.of();
        }
    }

    /** Whether the learner typed this command, by its name or another. */
    public boolean answersTo(String typed) {
        return name.equals(typed) || aliases.contains(typed);
    }

    /** Every name it answers to. */
    public Stream<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream());
    }
}
