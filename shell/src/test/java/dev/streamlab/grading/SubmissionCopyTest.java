package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Files.writeString(
                in.resolveSibling("META-INF/services/org.junit.jupiter.api.extension.Extension"), "lab05.PassAll");
        Files.createSymbolicLink(in.resolve("Linked.java"), in.resolve("FraudDetection.java"));
        Files.writeString(in.resolve("Huge.java"), "x".repeat((int) SubmissionCopy.MAX_FILE_BYTES + 1));
        Files.createDirectories(temp.resolve("in/lab05/checks"));
        Files.writeString(temp.resolve("in/lab05/checks/Helper.java"), "package lab05.checks; class Helper { }");
        Files.createDirectories(temp.resolve("in/dev/streamlab/grading"));
        Files.writeString(
                temp.resolve("in/dev/streamlab/grading/Sneak.java"), "package dev.streamlab.grading; class Sneak { }");

        SubmissionCopy.Result result =
                SubmissionCopy.copy(temp.resolve("in"), temp.resolve("out"), Set.of("lab05/checks/"), Set.of("lab05"));

        assertThat(result.problems())
                .hasSize(4)
                .anyMatch(p -> p.startsWith("lab05/Linked.java: a symbolic link"))
                .anyMatch(p -> p.startsWith("lab05/Huge.java: too large"))
                .anyMatch(p -> p.startsWith("lab05/checks/Helper.java: a class in a package"))
                .anyMatch(p -> p.startsWith("dev/streamlab/grading/Sneak.java: a class in a package"));
        assertThat(temp.resolve("out/lab05/FraudDetection.java")).exists();
        assertThat(temp.resolve("out/lab05/notes.txt")).doesNotExist();
        assertThat(temp.resolve("out/META-INF")).doesNotExist();
    }

    @Test
    void aClassDeclaringAnotherPackageIsRefusedWhateverItsFolder() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in/lab05"));
        Files.writeString(
                in.resolve("FraudDetection.java"), "/** The learner's. */\npackage lab05;\nclass FraudDetection { }");
        Files.createDirectories(in.resolve("util"));
        Files.writeString(
                in.resolve("util/Counts.java"), "// helpers\npackage /* mine */ lab05 . util;\nclass Counts { }");
        Files.writeString(
                in.resolve("package-info.java"), "@Deprecated(since = \"1\", forRemoval = false)\npackage lab05;");
        // Kafka's own package, in the lab's folder: on the class path, it would stand in for Kafka's class.
        Files.writeString(in.resolve("Utils.java"), "package org.apache.kafka.common.utils;\npublic class Utils { }");
        // The same, spelled as javac reads it but a plain text search does not.
        Files.writeString(in.resolve("Escaped.java"), "\\u0070ackage org.apache.kafka.clients;\nclass Escaped { }");
        Files.writeString(
                in.resolve("Comment.java"), "/* \\u002a/ package org.evil; // */ package lab05;\nclass Comment { }");
        // The checks' package, outside the checks' folder, with a character javac leaves out of the name.
        Files.writeString(in.resolve("Helper.java"), "\n\npackage lab05.che\u0001cks;\nclass Helper { }");
        Files.writeString(in.resolve("Nowhere.java"), "import java.util.List;\nclass Nowhere { }");

        SubmissionCopy.Result result =
                SubmissionCopy.copy(temp.resolve("in"), temp.resolve("out"), Set.of("lab05/checks/"), Set.of("lab05"));

        assertThat(result.problems())
                .hasSize(5)
                .anyMatch(p -> p.startsWith(
                        "lab05/Utils.java:1: declares package org.apache.kafka.common.utils, which is not the lab's."
                                + " Put your classes in package lab05 (or a package inside it, such as lab05.util) and start the file with"
                                + " 'package lab05;'."))
                .anyMatch(p -> p.startsWith("lab05/Escaped.java:1: declares package org.apache.kafka.clients,"))
                .anyMatch(p -> p.startsWith("lab05/Comment.java:1: declares package org.evil,"))
                .anyMatch(p -> p.startsWith(
                        "lab05/Helper.java:3: declares package lab05.checks, the package of the lab's checks."))
                .anyMatch(p -> p.startsWith("lab05/Nowhere.java:1: declares no package"));
        assertThat(temp.resolve("out/lab05/Utils.java")).doesNotExist();
        assertThat(temp.resolve("out/lab05/FraudDetection.java")).exists();
        assertThat(temp.resolve("out/lab05/util/Counts.java")).exists();
        assertThat(temp.resolve("out/lab05/package-info.java")).exists();
    }

    @Test
    void theLabsPackageIsTheFolderUnderItsStarterAndEveryLabsOwnCodeKeepsToIt() throws Exception {
        assertThat(SubmissionCopy.labPackages(Submissions.lab("05"))).containsExactly("lab05");
        List<Lab> labs =
                new ArrayList<>(LabCatalog.ofProject(Submissions.PROJECT).labs());
        labs.add(Submissions.sandboxLab());
        for (Lab lab : labs) {
            for (Path code : List.of(lab.starter(), lab.solution())) {
                Path out = temp.resolve(lab.id() + "-" + code.getFileName());
                SubmissionCopy.Result copied = SubmissionCopy.copy(
                        code, out, Set.of(lab.number() + "/checks/"), SubmissionCopy.labPackages(lab));
                assertThat(copied.problems()).as(code.toString()).isEmpty();
            }
        }
    }

    @Test
    void messagesLoseEscapeSequencesAndControlCharacters() {
        assertThat(PrintableText.of("\u001b]0;pwned\u0007\u001b[2J\u001b[32mAll passed\u001b[0m\r\tdone\u009b1m\u202e"))
                .isEqualTo("All passed done");
        assertThat(PrintableText.of("line one\nline two")).isEqualTo("line one\nline two");
    }
}
