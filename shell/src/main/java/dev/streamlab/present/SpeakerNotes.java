package dev.streamlab.present;

import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The presenter's notes ({@code [.notes]} blocks) for each step, written to a file that only the presenter
 * watches ({@code tail -f FILE} in a second terminal): never on the audience's screen.
 */
public final class SpeakerNotes {

    private final Path file;

    public SpeakerNotes(Path file) {
        this.file = file;
    }

    /** Starts the file afresh with the demo's title. */
    public void start(Lesson demo) {
        write("# " + demo.title() + " (" + demo.file() + ")\n", StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Appends the notes of step {@code number} (1-based) of {@code total}. */
    public void step(int number, int total, Step step) {
        StringBuilder text = new StringBuilder("\n== Step " + number + " of " + total);
        step.prose().stream()
                .filter(p -> p.kind() == Prose.Kind.HEADING)
                .findFirst()
                .ifPresent(h -> text.append(": ").append(h.plainText()));
        text.append('\n');
        if (step.notes().isEmpty()) {
            text.append("(no notes)\n");
        }
        for (Prose note : step.notes()) {
            text.append(
                            note.kind() == Prose.Kind.LIST
                                    ? String.join(
                                            "\n",
                                            note.plainText()
                                                    .lines()
                                                    .map(l -> "* " + l)
                                                    .toList())
                                    : note.plainText())
                    .append('\n');
        }
        write(text.toString(), StandardOpenOption.APPEND);
    }

    private void write(String text, StandardOpenOption mode) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the speaker notes to " + file + ": " + e.getMessage(), e);
        }
    }
}
