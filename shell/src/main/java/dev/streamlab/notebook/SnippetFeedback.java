package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
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

    private static final Pattern STATIC_IMPORT = Pattern.compile("import static ([\\w.]+)\\.\\*;");

    private final JShell jshell;
    private final Set<String> helpers;

    /** @param helpers the names of the helpers a cell may hide ({@link #helperNames}) */
    SnippetFeedback(JShell jshell, Set<String> helpers) {
        this.jshell = jshell;
        this.helpers = helpers;
    }

    /** The public static methods of the classes the prelude imports statically: the helpers a cell may hide. */
    static Set<String> helperNames(List<String> prelude) {
        Set<String> names = new HashSet<>();
        for (String line : prelude) {
            Matcher m = STATIC_IMPORT.matcher(line.strip());
            if (m.matches()) {
                try {
                    for (java.lang.reflect.Method method :
                            Class.forName(m.group(1)).getMethods()) {
                        if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                            names.add(method.getName());
                        }
                    }
                } catch (ClassNotFoundException e) {
                    // not on our class path: nothing to warn about
                }
            }
        }
        return Set.copyOf(names);
    }

    /**
     * What the learner sees of a snippet that ran: the value of the cell's last expression or variable, whole; a short
     * line for a declaration; a note when it hides a helper.
     */
    List<Part> ran(SnippetEvent event, Optional<Snippet> overwritten, boolean last) {
        Snippet snippet = event.snippet();
        List<Part> parts = new ArrayList<>();
        if (snippet.kind() == Snippet.Kind.IMPORT) {
            return parts;
        }
        boolean temporary = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        String name =
                snippet instanceof VarSnippet v ? v.name() : snippet instanceof ExpressionSnippet e ? e.name() : null;
        boolean showValue = last && name != null && event.value() != null;
        if (showValue) {
            String type = snippet instanceof VarSnippet v ? v.typeName() : ((ExpressionSnippet) snippet).typeName();
            parts.add(new Part.Value(name, type, event.value()));
        }
        if (snippet instanceof DeclarationSnippet && !temporary) {
            String action = action(event, overwritten);
            boolean quietNewVariable = showValue
                    && action.equals("created")
                    && snippet.kind() == Snippet.Kind.VAR
                    && jshell.status(snippet) == Snippet.Status.VALID;
            if (!quietNewVariable) {
                parts.add(new Part.Feedback(declared(event, overwritten)));
            }
            if (snippet instanceof MethodSnippet method
                    && helpers.contains(method.name())
                    && !action.equals("modified")) {
                parts.add(new Part.Feedback("Note: your " + describe(snippet) + " hides streamlab's helper "
                        + method.name() + "(...) in the cells that follow; /reset brings the helper back."));
            }
        }
        return parts;
    }

    /** A compile error or warning, as javac says it, with the line and a caret under the place. */
    static String compileError(Diag diag, String source) {
        StringBuilder text = new StringBuilder();
        // JShell's wrapper class has no name: javac's "location: class " line says nothing to a learner.
        String message = diag.getMessage(Locale.ENGLISH).replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
        text.append(diag.isError() ? "error: " : "warning: ").append(message).append('\n');
        long position = diag.getPosition() == Diag.NOPOS ? diag.getStartPosition() : diag.getPosition();
        if (position >= 0 && position <= source.length()) {
            int start = source.lastIndexOf('\n', (int) Math.max(0, position - 1)) + 1;
            int end = source.indexOf('\n', (int) position);
            String line = source.substring(start, end < 0 ? source.length() : end);
            text.append(line).append('\n');
            text.append(" ".repeat((int) position - start)).append("^\n");
        }
        return text.toString();
    }

    /** The code from where it is not finished on. */
    static String unfinished(String rest) {
        return "The code is not finished: a bracket, quote or semicolon is missing near\n    "
                + rest.replace("\n", "\n    ");
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
        return before.source()
                .replaceAll("\\s+", " ")
                .strip()
                .equals(after.source().replaceAll("\\s+", " ").strip());
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
        return snippet instanceof DeclarationSnippet d
                ? d.name()
                : snippet.source().strip();
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
        if (status == Snippet.Status.RECOVERABLE_NOT_DEFINED
                && snippet instanceof VarSnippet v
                && jshell.unresolvedDependencies(v).findAny().isEmpty()) {
            // `var a = new A()` after A changed: JShell cannot carry the old object over to the new class
            return Optional.of(
                    "  update replaced variable " + v.name() + ", which cannot be used until you declare it again");
        }
        if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return Optional.of("  update modified " + describe(snippet) + unresolved(snippet, true));
        }
        if (status == Snippet.Status.VALID
                && snippet instanceof VarSnippet v
                && event.value() == null
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
        List<String> missing = snippet instanceof DeclarationSnippet d
                ? jshell.unresolvedDependencies(d).toList()
                : List.of();
        List<String> errors = jshell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ENGLISH))
                .toList();
        StringBuilder text = new StringBuilder(until);
        if (!missing.isEmpty()) {
            text.append(' ')
                    .append(String.join(", ", missing))
                    .append(missing.size() == 1 ? " is declared" : " are declared");
        }
        if (!errors.isEmpty()) {
            text.append(missing.isEmpty() ? " " : " and ")
                    .append(errors.size() == 1 ? "this error is corrected: " : "these errors are corrected: ")
                    .append(errors.stream()
                            .map(e -> e.lines().findFirst().orElse(e))
                            .collect(Collectors.joining("; ")));
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
            return update
                    ? ", whose methods cannot be invoked until"
                    : ", however, its methods cannot be invoked until";
        }
        if (snippet instanceof TypeDeclSnippet t
                && (t.subKind() == Snippet.SubKind.ENUM_SUBKIND
                        || t.subKind() == Snippet.SubKind.ANNOTATION_TYPE_SUBKIND)) {
            return update ? ", which cannot be used until" : ", however, it cannot be used until";
        }
        return update
                ? ", which cannot be instantiated or its methods invoked until"
                : ", however, it cannot be instantiated or its methods invoked until";
    }

    static boolean isPrimitive(String typeName) {
        return switch (typeName) {
            case "int", "long", "short", "byte", "char", "boolean", "float", "double" -> true;
            default -> false;
        };
    }
}
