package dev.streamlab.notebook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * The one-line feedback {@code jshell} gives for a declaration, in its own words: {@code created method f()},
 * {@code modified variable t : String}, {@code replaced class A}, and for a dependant that a change broke,
 * {@code update modified method g(), which cannot be invoked until method h(int) is declared}.
 *
 * <p>"Modified" keeps the signature (the same method parameters and return type, the same variable type, the
 * same class source); "replaced" changes it. Our engine loads every change under a new class name (see
 * {@code ChildAgent.redefine}), so JShell's own {@code isSignatureChange()} is always true here: the
 * signature is compared from the snippets themselves.
 */
final class SnippetFeedback {

    private final JShell jshell;

    SnippetFeedback(JShell jshell) {
        this.jshell = jshell;
    }

    /** "created", "modified" or "replaced": what this snippet did to the declaration of its name. */
    static String action(SnippetEvent event, Optional<Snippet> overwritten) {
        if (!event.previousStatus().isActive() || overwritten.isEmpty()) {
            return "created";
        }
        return sameSignature(overwritten.get(), event.snippet()) ? "modified" : "replaced";
    }

    private static boolean sameSignature(Snippet before, Snippet after) {
        if (before instanceof MethodSnippet b && after instanceof MethodSnippet a) {
            return b.signature().equals(a.signature());
        }
        if (before instanceof VarSnippet b && after instanceof VarSnippet a) {
            return b.typeName().equals(a.typeName());
        }
        return before.source().replaceAll("\\s+", " ").strip().equals(after.source().replaceAll("\\s+", " ").strip());
    }

    /** What the declaration is, as jshell names it: {@code method f(int)}, {@code record R}, {@code variable t}. */
    static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (snippet instanceof TypeDeclSnippet t) {
            return typeKind(t) + " " + t.name();
        }
        if (snippet instanceof VarSnippet v) {
            return "variable " + v.name();
        }
        return snippet instanceof DeclarationSnippet d ? d.name() : snippet.source().strip();
    }

    private static String typeKind(TypeDeclSnippet snippet) {
        return switch (snippet.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    /** The line for a declaration the learner wrote: {@code created method f()}, with a type for a variable. */
    String declared(SnippetEvent event, Optional<Snippet> overwritten) {
        Snippet snippet = event.snippet();
        String line = action(event, overwritten) + " " + describe(snippet);
        if (snippet instanceof VarSnippet v) {
            line += " : " + v.typeName();
        }
        return line + unresolved(snippet, false);
    }

    /**
     * The line for a declaration that changed because the learner changed another one, or empty when jshell
     * would say nothing (the dependant still works).
     */
    Optional<String> updated(SnippetEvent event) {
        Snippet snippet = event.snippet();
        Snippet.Status status = event.status();
        if (!(snippet instanceof DeclarationSnippet) || !event.previousStatus().isActive()) {
            return Optional.empty();
        }
        if (status == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof VarSnippet v
                && jshell.unresolvedDependencies(v).findAny().isEmpty()) {
            // `var a = new A()` after A changed: JShell cannot carry the old object over to the new class
            return Optional.of("  update replaced variable " + v.name() + ", which cannot be used until you declare it again");
        }
        if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return Optional.of("  update modified " + describe(snippet) + unresolved(snippet, true));
        }
        if (status == Snippet.Status.VALID && snippet instanceof VarSnippet v && event.value() == null
                && !isPrimitive(v.typeName())) {
            return Optional.of("  update replaced variable " + v.name() + ", reset to null");
        }
        return Optional.empty();
    }

    /** Why a snippet cannot be used yet, in jshell's words, or "" when it can. */
    String unresolved(Snippet snippet, boolean update) {
        Snippet.Status status = jshell.status(snippet);
        if (status != Snippet.Status.RECOVERABLE_DEFINED && status != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return "";
        }
        String until = until(snippet, status == Snippet.Status.RECOVERABLE_DEFINED, update);
        List<String> missing = snippet instanceof DeclarationSnippet d ? jshell.unresolvedDependencies(d).toList() : List.of();
        List<String> errors = jshell.diagnostics(snippet).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ENGLISH)).toList();
        StringBuilder text = new StringBuilder(until);
        if (!missing.isEmpty()) {
            text.append(' ').append(String.join(", ", missing)).append(missing.size() == 1 ? " is declared" : " are declared");
        }
        if (!errors.isEmpty()) {
            text.append(missing.isEmpty() ? " " : " and ").append(errors.size() == 1 ? "this error is corrected: " : "these errors are corrected: ")
                    .append(errors.stream().map(e -> e.lines().findFirst().orElse(e)).collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    private static String until(Snippet snippet, boolean defined, boolean update) {
        if (!defined) {
            return update ? ", which cannot be referenced until" : ", however, it cannot be referenced until";
        }
        if (snippet instanceof MethodSnippet) {
            return update ? ", which cannot be invoked until" : ", however, it cannot be invoked until";
        }
        if (snippet instanceof TypeDeclSnippet t && t.subKind() == Snippet.SubKind.INTERFACE_SUBKIND) {
            return update ? ", whose methods cannot be invoked until" : ", however, its methods cannot be invoked until";
        }
        if (snippet instanceof TypeDeclSnippet t
                && (t.subKind() == Snippet.SubKind.ENUM_SUBKIND || t.subKind() == Snippet.SubKind.ANNOTATION_TYPE_SUBKIND)) {
            return update ? ", which cannot be used until" : ", however, it cannot be used until";
        }
        return update ? ", which cannot be instantiated or its methods invoked until"
                : ", however, it cannot be instantiated or its methods invoked until";
    }

    static boolean isPrimitive(String typeName) {
        return switch (typeName) {
            case "int", "long", "short", "byte", "char", "boolean", "float", "double" -> true;
            default -> false;
        };
    }
}
