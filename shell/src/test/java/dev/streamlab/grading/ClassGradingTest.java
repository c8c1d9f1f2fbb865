package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --all} against a class where some learners attack the teacher's terminal and the class's own files, and
 * some break the grader: every learner is in the summary, named visibly, and no one stops the others.
 */
class ClassGradingTest {

    private static final Lab LAB = Lab.load(Submissions.PROJECT.resolve("labs/05-fraud-window"));
    private static final String ESCAPES = "bob\u001b]0;pwned\u0007\u001b[2J\u001b[1A";

    @TempDir
    Path temp;

    @Test
    void namesAreShownWithTheirControlCharactersVisible() {
        assertThat(VisibleText.of(ESCAPES)).isEqualTo("bob^[]0;pwned^G^[[2J^[[1A");
        assertThat(VisibleText.of("ann\r\nann\u202Eevil\u200B\u00a0\u0085\u007f"))
                .isEqualTo("ann^M^Jann<U+202E>evil<U+200B><U+00A0><U+0085>^?");
        // Two names that differ stay different, however one of them is spelled.
        assertThat(VisibleText.of("a\u001bb"))
                .isNotEqualTo(VisibleText.of("a^[b"))
                .isEqualTo("a^[b");
        assertThat(VisibleText.of("a^[b")).isEqualTo("a<U+005E>[b");
        assertThat(VisibleText.of("a<U+001B>b")).isEqualTo("a<U+003C>U+001B>b");
        assertThat(VisibleText.of("Zoë Ødegaard-Łukasz 李")).isEqualTo("Zoë Ødegaard-Łukasz 李");
    }

    @Test
    void noLearnerHoldsTheClassHostage() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String name : List.of(
                "ann",
                ESCAPES,
                ClassSummary.FILE,
                "Class-Summary.CSV",
                "crashes-the-grader",
                "npe",
                "out-of-memory",
                "unwritable")) {
            folders.add(Files.createDirectories(temp.resolve("class").resolve(name)));
        }
        Path target = temp.resolve("results");
        List<String> graded = new ArrayList<>();
        List<String> progress = new ArrayList<>();

        Map<String, Scorecard> cards = ClassGrading.gradeAll(
                LAB,
                folders,
                target,
                folder -> {
                    String name = folder.getFileName().toString();
                    graded.add(name);
                    return switch (name) {
                        case "crashes-the-grader" -> throw new StackOverflowError();
                        case "npe" -> throw new NullPointerException();
                        case "out-of-memory" -> throw new OutOfMemoryError("Java heap space");
                        default -> fullMarks(folder);
                    };
                },
                (card, folder) -> {
                    if (folder.getFileName().toString().equals("unwritable")) {
                        throw new IOException("No space left on device");
                    }
                    GradingReports.write(card, folder);
                },
                progress::add);

        assertThat(cards).hasSize(folders.size());
        assertThat(graded).doesNotContain(ClassSummary.FILE, "Class-Summary.CSV");
        assertThat(cards.get(ClassSummary.FILE).points()).isZero();
        assertThat(cards.get(ClassSummary.FILE).compileErrors())
                .singleElement()
                .asString()
                .contains("named class-summary.csv")
                .contains("rename the folder");
        assertThat(target.resolve(ClassSummary.FILE)).doesNotExist();
        assertThat(cards.get("crashes-the-grader").compileErrors())
                .singleElement()
                .asString()
                .contains("StackOverflowError");
        assertThat(cards.get("npe").compileErrors()).singleElement().asString().contains("NullPointerException");
        assertThat(cards.get("out-of-memory").compileErrors())
                .singleElement()
                .asString()
                .contains("OutOfMemoryError: Java heap space");
        assertThat(cards.get("unwritable").points()).isEqualTo(1);
        assertThat(cards.get("unwritable").warnings())
                .anyMatch(w -> w.contains("could not be written: IOException: No space left"));
        assertThat(target.resolve("ann/autograding.json")).exists();

        assertThat(progress).hasSize(folders.size()).contains("[2/8] bob^[]0;pwned^G^[[2J^[[1A: 1/1 points (0.0 s)");
        List<String> table = ClassGrading.table(cards);
        assertThat(table)
                .hasSize(folders.size())
                .anyMatch(l -> l.startsWith("bob^[]0;pwned^G^[[2J^[[1A "))
                .anyMatch(l ->
                        l.startsWith("crashes-the-grader") && l.contains("0/0") && l.contains("StackOverflowError"));
        assertThat(String.join("\n", progress) + String.join("\n", table)).doesNotContain("\u001b", "\u0007");

        Path csv = ClassSummary.write(cards, target);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(folders.size() + 1);
        assertThat(rows)
                .anyMatch(r -> r.startsWith("bob^[]0;pwned^G^[[2J^[[1A,1,1,100,"))
                .anyMatch(r -> r.startsWith("class-summary.csv,0,0,0,0,0,false,") && r.contains("rename the folder"));
        assertThat(Files.readString(csv)).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void severalLearnersAreGradedAtOnceAndTheSummaryKeepsTheFoldersOrder() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String name : List.of("ann", "ben", "cleo", "dev", "crashes-the-grader", "eve")) {
            folders.add(Files.createDirectories(temp.resolve("class").resolve(name)));
        }
        // Three learners must be in grading at the same moment, or none of them goes on (the deadline fails the test).
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(3);
        List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());

        Map<String, Scorecard> cards = ClassGrading.gradeAll(
                LAB,
                folders,
                temp.resolve("results"),
                folder -> {
                    together.countDown();
                    if (!together.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IllegalStateException("three learners were never graded at once");
                    }
                    if (folder.getFileName().toString().equals("crashes-the-grader")) {
                        throw new StackOverflowError();
                    }
                    return fullMarks(folder);
                },
                GradingReports::write,
                progress::add,
                3);

        assertThat(cards.keySet()).containsExactly("ann", "ben", "cleo", "dev", "crashes-the-grader", "eve");
        assertThat(cards.values()).filteredOn(c -> c.points() == 1).hasSize(5);
        assertThat(cards.get("crashes-the-grader").compileErrors())
                .singleElement()
                .asString()
                .contains("StackOverflowError");
        assertThat(progress)
                .hasSize(6)
                .allMatch(l -> l.matches("\\[[1-6]/6\\] .*"))
                .extracting(l -> l.substring(0, 5))
                .containsExactlyInAnyOrder("[1/6]", "[2/6]", "[3/6]", "[4/6]", "[5/6]", "[6/6]");
    }

    private static Scorecard fullMarks(Path folder) {
        CheckResult check = new CheckResult(
                "lab05.checks.FraudWindowChecks", "flags", true, CheckResult.Status.PASSED, 1, 1, "", "", 1);
        return new Scorecard(
                LAB, folder, 7L, false, List.of(), List.of(check), List.of(), Duration.ZERO, Optional.empty());
    }
}
