package dev.streamlab.console;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * One command the learner types at the prompt, in one place as the JDK's {@code jshell} keeps them: its name and other
 * names, how it is typed, the line {@code /help} shows, whether it ends the session, and what it does.
 */
record ReplCommand(String name, List<String> aliases, String usage, String help, boolean quits, BiConsumer<Repl, String> action) {

    static ReplCommand of(String usage, String help, BiConsumer<Repl, String> action) {
        return new ReplCommand(usage.split(" ")[0], List.of(), usage, help, false, action);
    }

    boolean answersTo(String typed) {
        return name.equals(typed) || aliases.contains(typed);
    }

    /** Every name it answers to, for completion. */
    Stream<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream());
    }
}
