package dev.streamlab.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.streamlab.cli.StreamlabCommand;
import dev.streamlab.files.ProjectRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README stays short, and the guides it points to build without a warning and link only to what exists. */
class GuidesTest {

    private static final Path ROOT = ProjectRoot.find();
    private static final Pattern LINK = Pattern.compile("(?:xref|link):([^\\[\\s]+)\\[");
    private static final List<String> GUIDES = List.of("index", "learner", "instructor", "presenter", "lesson-author",
            "architecture", "commands");

    private static Guides guides;

    @BeforeAll
    static void startAsciidoctor() {
        guides = new Guides();
    }

    @AfterAll
    static void stopAsciidoctor() {
        guides.close();
    }

    @Test
    void theGuidesAndTheReadmesBuildIntoHtmlWithoutAWarning(@TempDir Path out) throws IOException {
        assertThat(guides.build(ROOT, out)).as("what Asciidoctor warned about").isEmpty();

        for (String guide : GUIDES) {
            assertThat(out.resolve("docs/" + guide + ".html")).isRegularFile();
        }
        assertThat(out.resolve("README.html")).isRegularFile();
        assertThat(out.resolve("lessons/README.html")).isRegularFile();
        // Links between documents point at the HTML beside them, and the command reference holds the real help.
        assertThat(Files.readString(out.resolve("README.html"))).contains("href=\"docs/learner.html\"");
        String reference = Files.readString(out.resolve("docs/commands.html"));
        assertThat(reference).contains("Usage: streamlab class create").contains("--roster");
        assertThat(reference).doesNotContain("<link rel=\"stylesheet\" href=\"https://");
    }

    @Test
    void aBrokenIncludeOrCrossReferenceIsAProblemNamingItsFileAndLine(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/broken.adoc"), """
                = Broken

                include::missing.adoc[]

                See <<nowhere>>.

                include::streamlab-help:learn[]
                """);
        List<String> problems = guides.build(root, root.resolve("out"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("docs/broken.adoc:3: ").contains("missing.adoc"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("nowhere"));
        assertThat(problems).hasSize(2);
    }

    @Test
    void theReadmeFitsOnAFewScreensAndKeepsItsTwoCommands() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.adoc"));
        assertThat(readme).hasSizeLessThanOrEqualTo(200);
        // The promise: one command starts the first lesson, one runs the whole suite.
        assertThat(String.join("\n", readme)).contains("----\n./streamlab\n----").contains("----\n./mvnw verify\n----");
        // CI runs that command (with the distribution and batch-mode flags).
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\n./mvnw -B -ntp -Pdist verify ");
    }

    @Test
    void everyLinkInTheReadmeAndTheGuidesReachesAFileAndItsAnchor() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path source : Guides.sources(ROOT)) {
            Path file = ROOT.resolve(source);
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+://.*")) {
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path linked = file.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(linked)) {
                    broken.add(source + ": " + target + " (no such file)");
                } else if (parts.length == 2 && !Files.readString(linked).contains("[[" + parts[1] + "]]")) {
                    broken.add(source + ": " + target + " (no [[" + parts[1] + "]] there)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theCommandReferenceHasEveryCommand() throws IOException {
        String reference = Files.readString(ROOT.resolve("docs/commands.adoc"));
        CommandLine streamlab = StreamlabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        streamlab.getSubcommands().forEach((name, sub) -> {
            if (sub.getSubcommands().isEmpty() || name.equals("help")) {
                if (!name.equals("help") && !reference.contains("include::streamlab-help:" + name + "[]")) {
                    missing.add(name);
                }
            } else {
                sub.getSubcommands().keySet().stream().filter(s -> !s.equals("help"))
                        .filter(s -> !reference.contains("include::streamlab-help:" + name + "/" + s + "[]"))
                        .forEach(s -> missing.add(name + " " + s));
            }
        });
        assertThat(missing).as("commands with no help in docs/commands.adoc").isEmpty();
    }
}
