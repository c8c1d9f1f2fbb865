package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Gives a fresh Java process what the learner had declared in the one that ended ({@link SessionHistory}), and
 * says in one line what came back.
 */
final class Restore {

    private Restore() {}

    /**
     * Declares the history again by running {@code quietly} (which records it in the history anew) and returns one
     * line saying what came back. A run that ends with {@link JavaOutcome#RESTARTED} means the new process ended too.
     */
    static String replay(SessionHistory history, Function<String, JavaResult> quietly) {
        List<String> byValue = new ArrayList<>();
        List<String> byDeclaration = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String interrupted = null;
        int methods = 0;
        int types = 0;
        List<SessionHistory.Declaration> todo = history.inReplayOrder();
        history.clear();
        // A declaration may need one that comes later (a variable of a class redefined since): a second pass.
        for (int pass = 0; pass < 2 && !todo.isEmpty(); pass++) {
            List<SessionHistory.Declaration> again = new ArrayList<>();
            for (SessionHistory.Declaration declaration : todo) {
                if (interrupted != null) {
                    failed.add(declaration.name());
                    continue;
                }
                String code = declaration.replayCode(history.typeNames());
                if (code == null) {
                    unsafe.add(declaration.name());
                    continue;
                }
                JavaResult result = quietly.apply(code);
                if (result.outcome() == JavaOutcome.STOPPED) {
                    interrupted = "You stopped the restore.";
                    failed.add(declaration.name());
                } else if (result.outcome() == JavaOutcome.RESTARTED) {
                    interrupted = "The new Java process ended too.";
                    failed.add(declaration.name());
                } else if (!result.ok()) {
                    again.add(declaration);
                } else {
                    switch (declaration.kind()) {
                        case VAR -> (declaration.restoresByValue() ? byValue : byDeclaration).add(declaration.name());
                        case METHOD -> methods++;
                        case TYPE_DECL -> types++;
                        default -> {}
                    }
                }
            }
            if (pass == 1) {
                again.forEach(d -> failed.add(d.name()));
            }
            todo = again;
        }
        List<String> parts = new ArrayList<>();
        if (!byValue.isEmpty()) {
            parts.add(joinNames(byValue) + " with " + (byValue.size() == 1 ? "its last value" : "their last values"));
        }
        if (!byDeclaration.isEmpty()) {
            parts.add(joinNames(byDeclaration) + " as "
                    + (byDeclaration.size() == 1 ? "its declaration makes it" : "their declarations make them"));
        }
        if (methods > 0) {
            parts.add(methods + (methods == 1 ? " method" : " methods"));
        }
        if (types > 0) {
            parts.add(types + (types == 1 ? " class" : " classes"));
        }
        String line = parts.isEmpty() ? "There was nothing to restore." : "Restored " + joinNames(parts) + ".";
        if (!unsafe.isEmpty()) {
            line += " Not restored, because running their code again could repeat what it did: "
                    + String.join(", ", unsafe) + ". Run their cells again if you need them.";
        }
        if (!failed.isEmpty()) {
            line += (interrupted == null ? "" : " " + interrupted) + " Could not be declared again: "
                    + String.join(", ", failed) + ".";
        }
        return line;
    }

    /** Reads the variables that hold plain values, so a restarted Java process can get them back. */
    static void rememberPlainValues(SessionHistory history, JShell jshell) {
        for (SessionHistory.Declaration known : history.plainValues()) {
            jshell.variables()
                    .filter(v -> v.id().equals(known.id()) && jshell.status(v) == Snippet.Status.VALID)
                    .findFirst()
                    .ifPresent(v -> {
                        try {
                            history.sawValue(v, jshell.varValue(v));
                        } catch (IllegalStateException | IllegalArgumentException e) {
                            // the process ended meanwhile; the last value seen stays
                        }
                    });
        }
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
