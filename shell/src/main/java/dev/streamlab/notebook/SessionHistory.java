package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The declarations the learner made, newest version of each, so a Java process that had to be replaced (an
 * endless loop stopped on Java 20 or later, {@code System.exit}, a crash) can be given them again, as
 * {@code jshell}'s {@code /reload} replays its history. Unlike {@code /reload} it never re-runs statements, and
 * it re-runs a variable's declaration only when that cannot repeat what the learner's code did in Kafka:
 * a variable holding a number, a text or a boolean gets the last value it was seen with instead.
 */
final class SessionHistory {

    /** One declaration, by JShell's snippet id (the same for every version of a name). */
    record Declaration(String id, Snippet.Kind kind, String name, String source, String typeName, String lastValue) {

        boolean holdsPlainValue() {
            return kind == Snippet.Kind.VAR && (SnippetFeedback.isPrimitive(typeName) || typeName.equals("String"));
        }

        /**
         * Whether it comes back with its last value. Not a text JShell cut short: it shows at most about 21,000
         * characters of a value, the start and the end.
         */
        boolean restoresByValue() {
            return holdsPlainValue() && lastValue != null && lastValue.length() < JSHELL_VALUE_LIMIT;
        }

        /** The code that brings it back, or null when it must not run again. */
        String replayCode(java.util.Set<String> sessionTypes) {
            if (kind != Snippet.Kind.VAR) {
                return source;
            }
            if (restoresByValue()) {
                return typeName + " " + name + " = " + literal(typeName, lastValue) + ";";
            }
            return ReplaySafety.isSafeToRunAgain(source, sessionTypes) ? source : null;
        }
    }

    static final int JSHELL_VALUE_LIMIT = 21_000;

    private final Map<String, Declaration> declarations = new LinkedHashMap<>();

    /** Remembers a declaration that compiled and ran; a new version of a name replaces the old, in its place. */
    void declared(Snippet snippet, String name, String typeName) {
        declarations.put(
                snippet.id(), new Declaration(snippet.id(), snippet.kind(), name, snippet.source(), typeName, null));
    }

    /** The variables whose last value is worth reading after a cell, to restore them by value. */
    List<Declaration> plainValues() {
        return declarations.values().stream()
                .filter(Declaration::holdsPlainValue)
                .toList();
    }

    void sawValue(VarSnippet variable, String value) {
        Declaration known = declarations.get(variable.id());
        if (known != null && known.name().equals(variable.name())) {
            declarations.put(
                    known.id(),
                    new Declaration(known.id(), known.kind(), known.name(), known.source(), known.typeName(), value));
        }
    }

    /** Imports, then classes and methods, then variables (whose types and initialisers may need the others). */
    List<Declaration> inReplayOrder() {
        List<Declaration> ordered = new ArrayList<>(declarations.values());
        ordered.sort(java.util.Comparator.comparingInt(d -> switch (d.kind()) {
            case IMPORT -> 0;
            case TYPE_DECL -> 1;
            case METHOD -> 2;
            default -> 3;
        }));
        return ordered;
    }

    /**
     * The classes, interfaces and enums the learner declared: their constructors are the learner's code. A record with an
     * empty body ({@code record Card(String number) {}}) only holds its values, so it is not among them.
     */
    java.util.Set<String> typeNames() {
        return declarations.values().stream()
                .filter(d -> d.kind() == Snippet.Kind.TYPE_DECL)
                .filter(d -> !(d.source().strip().startsWith("record ")
                        && d.source().strip().matches("(?s)[^{]*\\{\\s*}")))
                .map(Declaration::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    void clear() {
        declarations.clear();
    }

    /** A Java literal for a value as JShell shows it ({@code "text"}, {@code 'c'}, {@code 7}, {@code 1.5}). */
    static String literal(String typeName, String value) {
        return switch (typeName) {
            case "long" -> value + "L";
            case "float" ->
                switch (value) {
                    case "NaN" -> "Float.NaN";
                    case "Infinity" -> "Float.POSITIVE_INFINITY";
                    case "-Infinity" -> "Float.NEGATIVE_INFINITY";
                    default -> value + "f";
                };
            case "double" ->
                switch (value) {
                    case "NaN" -> "Double.NaN";
                    case "Infinity" -> "Double.POSITIVE_INFINITY";
                    case "-Infinity" -> "Double.NEGATIVE_INFINITY";
                    default -> value;
                };
            case "byte" -> "(byte) " + value;
            case "short" -> "(short) " + value;
            default -> value;
        };
    }
}
