package dev.streamlab.notebook;

import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The session as a notebook: each cell that ran, with its real output, as AsciiDoc that the learner
 * keeps ({@code /save FILE}) and that Asciidoctor can render.
 */
public final class Transcript {

    private final String title;
    private final List<CellResult> results = new ArrayList<>();

    public Transcript(String title) {
        this.title = title;
    }

    public void add(CellResult result) {
        results.add(result);
    }

    public int size() {
        return results.size();
    }

    public String toAsciiDoc() {
        StringBuilder doc = new StringBuilder();
        doc.append("= ").append(title).append('\n');
        doc.append(":description: A streamlab session, saved ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append("\n\n");
        for (CellResult result : results) {
            boolean command = Notebook.isCommand(result.code());
            boolean sql = result.cell() != null
                    ? result.cell().kind() == dev.streamlab.lesson.Cell.Kind.SQL
                    : dev.streamlab.sql.SqlStatements.looksLikeSql(result.code());
            doc.append(command ? "[command]\n" : sql ? "[source,sql]\n" : "[source,java]\n")
                    .append("----\n")
                    .append(escapeDelimiters(result.code().strip()))
                    .append("\n----\n\n");
            if (!result.output().isBlank()) {
                doc.append(".Output\n....\n")
                        .append(escapeDelimiters(result.output().stripTrailing()))
                        .append("\n....\n\n");
            }
            for (CellResult.Check check : result.checks()) {
                doc.append("* ")
                        .append(check.held() ? "[x] " : "[ ] ")
                        .append(check.text().replace("`", "\\`"))
                        .append(check.held() ? "" : " (" + check.detail() + ")")
                        .append('\n');
            }
            if (!result.checks().isEmpty()) {
                doc.append('\n');
            }
        }
        return doc.toString();
    }

    /** Writes the transcript: to a temporary file first, then moved into place, so a file is never half written. */
    public Path save(Path file) throws IOException {
        return AtomicFiles.write(file, toAsciiDoc());
    }

    /** A line that is exactly a block delimiter would end the block early. */
    private static String escapeDelimiters(String text) {
        return text.replaceAll("(?m)^(-{4,}|\\.{4,})$", " $1");
    }
}
