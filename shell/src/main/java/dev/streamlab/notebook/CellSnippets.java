package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A cell's code as JShell's snippets, and the way back: JShell numbers the lines of each snippet, while the learner
 * reads the lines of the whole cell, so a stack frame's line is mapped to the cell's.
 */
final class CellSnippets {

    /** One snippet of the cell, and the cell's line (from 0) on which it starts. */
    record Piece(String source, int firstLine) {}

    /**
     * The cell cut into snippets, or the part that is not finished (an open bracket or quote, a missing semicolon).
     *
     * @param unfinished the code from where it is not finished on, or null when every snippet is whole
     */
    record Split(List<Piece> pieces, String unfinished) {}

    /** Where each snippet of the cell that runs now starts, by JShell's id: a stack frame names the snippet. */
    private final Map<String, Integer> cellLines = new HashMap<>();

    static Split split(String code, SourceCodeAnalysis analysis) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                return new Split(pieces, remaining.strip());
            }
            String consumed = code.substring(0, code.length() - remaining.length());
            String leading = remaining.substring(
                    0, remaining.length() - remaining.stripLeading().length());
            pieces.add(new Piece(source, (int)
                    (consumed + leading).chars().filter(c -> c == '\n').count()));
            remaining = info.remaining();
        }
        return new Split(pieces, null);
    }

    /** Whether {@code code} is a whole cell, or needs more lines (an open brace, a missing semicolon...). */
    static boolean isIncomplete(String code, SourceCodeAnalysis analysis) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                return true;
            }
            if (!info.completeness().isComplete()) {
                return false;
            }
            remaining = info.remaining();
        }
        return false;
    }

    /** A new cell starts: the snippets of the one before are earlier cells now. */
    void newCell() {
        cellLines.clear();
    }

    /** The snippet with this JShell id belongs to the cell that runs now, from this line on. */
    void ran(String snippetId, int firstLine) {
        cellLines.put(snippetId, firstLine);
    }

    /**
     * The frames of a stack trace down to the learner's code, the last one naming their line in the cell (or in the
     * snippet of an earlier cell): what is below it is JShell's machinery.
     */
    List<String> trace(StackTraceElement[] frames) {
        List<String> trace = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            String file = frame.getFileName();
            if (frame.getClassName().startsWith("REPL.") || file != null && file.startsWith("#")) {
                Integer cellLine = file == null ? null : cellLines.get(file.substring(1));
                trace.add(
                        cellLine != null
                                ? "your code, line " + (frame.getLineNumber() + cellLine)
                                : "your code from an earlier cell, line " + frame.getLineNumber() + " of its snippet");
                break;
            }
            trace.add(frame.toString());
        }
        return trace;
    }
}
