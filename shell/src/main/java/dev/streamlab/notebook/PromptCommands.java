package dev.streamlab.notebook;

import dev.streamlab.diagram.Drawing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one table of every command typed at the prompt: the notebook's (the cluster, the learner's variables, the SQL
 * jobs) and the front end's own (the lesson's steps, the session). {@code /help}, completion and what runs all come
 * from it, as in the JDK's {@code jshell}. A lesson's command cell runs only the commands that
 * {@linkplain PromptCommand.Where#runsInCells() run in cells}.
 */
public final class PromptCommands {

    private final List<PromptCommand> commands = new ArrayList<>();

    /** Adds a command, in place of one of the same name. */
    public synchronized void add(PromptCommand command) {
        commands.removeIf(c -> c.name().equals(command.name()));
        for (String name : command.names().toList()) {
            if (find(name).isPresent()) {
                throw new IllegalArgumentException(name + " is another command's name already.");
            }
        }
        commands.add(command);
    }

    /** Every command, in the order they were added. */
    public synchronized List<PromptCommand> all() {
        return List.copyOf(commands);
    }

    /** The command a line starts with (by any of its names), if there is one. */
    public synchronized Optional<PromptCommand> find(String line) {
        String typed = words(line).get(0);
        return commands.stream().filter(c -> c.answersTo(typed)).findFirst();
    }

    /** Runs a line such as {@code /broker kill 2} as a command cell would; throws {@link CommandException} if it cannot. */
    public Drawing run(String line) {
        String name = words(line).get(0);
        PromptCommand command = find(line)
                .orElseThrow(() -> new CommandException("There is no command " + name
                        + ". Commands: "
                        + all().stream()
                                .filter(c -> c.where().runsInCells())
                                .map(PromptCommand::usage)
                                .collect(Collectors.joining(", "))
                        + "."));
        if (!command.where().runsInCells()) {
            throw new CommandException(name + " works at the prompt, not in a command cell.");
        }
        try {
            return command.action().run(arguments(line));
        } catch (CommandException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CommandException(command.usage() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * What completes {@code typed} (the line up to the cursor): the names that start with it, or, after a command's
     * name, the candidates for the argument being typed that start with what is typed of it.
     */
    public List<String> complete(String typed) {
        String line = typed.stripLeading();
        if (!line.startsWith("/")) {
            return List.of();
        }
        List<String> words = words(line);
        boolean newWord = Character.isWhitespace(line.charAt(line.length() - 1));
        if (words.size() == 1 && !newWord) {
            return all().stream()
                    .flatMap(PromptCommand::names)
                    .filter(n -> n.startsWith(line))
                    .toList();
        }
        String partial = newWord ? "" : words.get(words.size() - 1);
        List<String> before = words.subList(1, newWord ? words.size() : words.size() - 1);
        return find(line).map(c -> c.arguments().candidates(before)).orElse(List.of()).stream()
                .filter(candidate -> candidate.startsWith(partial))
                .toList();
    }

    /** The words after the command's name. */
    public static List<String> arguments(String line) {
        List<String> words = words(line);
        return words.subList(1, words.size());
    }

    private static List<String> words(String line) {
        return Arrays.asList(line.strip().split("\\s+"));
    }
}
