package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of a submission that gets compiled, and the text of messages shown to a terminal. */
class SubmissionCopyTest {

    @TempDir
    Path temp;

    @Test
    void copiesOnlyJavaFilesAndRefusesLinksHugeFilesAndForeignPackages() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in/lab05"));
        Files.writeString(in.resolve("FraudDetection.java"), "package lab05; class FraudDetection { }");
        Files.writeString(in.resolve("notes.txt"), "not copied");
        Files.createDirectories(in.resolveSibling("META-INF/services"));
        Files.writeString(in.resolveSibling("META-INF/services/org.junit.jupiter.api.extension.Extension"), "lab05.PassAll");
        Files.createSymbolicLink(in.resolve("Linked.java"), in.resolve("FraudDetection.java"));
        Files.writeString(in.resolve("Huge.java"), "x".repeat((int) SubmissionCopy.MAX_FILE_BYTES + 1));
        Files.createDirectories(temp.resolve("in/lab05/checks"));
        Files.writeString(temp.resolve("in/lab05/checks/Helper.java"), "package lab05.checks; class Helper { }");
        Files.createDirectories(temp.resolve("in/dev/streamlab/grading"));
        Files.writeString(temp.resolve("in/dev/streamlab/grading/Sneak.java"), "package dev.streamlab.grading; class Sneak { }");

        SubmissionCopy.Result result = SubmissionCopy.copy(temp.resolve("in"), temp.resolve("out"), Set.of("lab05/checks/"));

        assertThat(result.problems()).hasSize(4)
                .anyMatch(p -> p.startsWith("lab05/Linked.java: a symbolic link"))
                .anyMatch(p -> p.startsWith("lab05/Huge.java: too large"))
                .anyMatch(p -> p.startsWith("lab05/checks/Helper.java: a class in a package"))
                .anyMatch(p -> p.startsWith("dev/streamlab/grading/Sneak.java: a class in a package"));
        assertThat(temp.resolve("out/lab05/FraudDetection.java")).exists();
        assertThat(temp.resolve("out/lab05/notes.txt")).doesNotExist();
        assertThat(temp.resolve("out/META-INF")).doesNotExist();
    }

    @Test
    void messagesLoseEscapeSequencesAndControlCharacters() {
        assertThat(Grader.printable("\u001b]0;pwned\u0007\u001b[2J\u001b[32mAll passed\u001b[0m\r\tdone\u009b1m\u202e"))
                .isEqualTo("All passed done");
        assertThat(Grader.printable("line one\nline two")).isEqualTo("line one\nline two");
    }
}
