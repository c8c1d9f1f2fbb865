package dev.streamlab.guides;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cli.StreamlabCommand;
import dev.streamlab.files.ProjectRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README stays short, and the guides it points to build without a warning and link only to what exists. */
class GuidesTest {

    private static final Path ROOT = ProjectRoot.find();
    private static final Pattern LINK = Pattern.compile("(?:xref|link):([^\\[\\s]+)\\[");
    private static final List<String> GUIDES =
            List.of("index", "learner", "instructor", "presenter", "lesson-author", "architecture", "commands");

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
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).startsWith("docs/broken.adoc:3: ").contains("missing.adoc"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("nowhere"));
        assertThat(problems).hasSize(2);
    }

    @Test
    void theReadmeFitsOnAFewScreensAndKeepsItsTwoCommands() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.adoc"));
        assertThat(readme).hasSizeLessThanOrEqualTo(200);
        // The promise: one command starts the first lesson, one runs the whole suite.
        assertThat(String.join("\n", readme))
                .contains("----\n./streamlab\n----")
                .contains("----\n./mvnw verify\n----");
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
        CommandLine streamlab =
                StreamlabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        streamlab.getSubcommands().forEach((name, sub) -> {
            if (sub.getSubcommands().isEmpty() || name.equals("help")) {
                if (!name.equals("help") && !reference.contains("include::streamlab-help:" + name + "[]")) {
                    missing.add(name);
                }
            } else {
                sub.getSubcommands().keySet().stream()
                        .filter(s -> !s.equals("help"))
                        .filter(s -> !reference.contains("include::streamlab-help:" + name + "/" + s + "[]"))
                        .forEach(s -> missing.add(name + " " + s));
            }
        });
        assertThat(missing).as("commands with no help in docs/commands.adoc").isEmpty();
    }

    @Test
    void theArchitectureGuideDescribesEveryPackageThereIsAndNoOther() throws IOException {
        List<String> packages = new ArrayList<>();
        for (Path sources : moduleSources()) {
            try (Stream<Path> dirs = Files.walk(sources)) {
                dirs.filter(Files::isDirectory)
                        .filter(d -> !d.equals(sources))
                        .map(d -> sources.relativize(d)
                                .toString()
                                .replace('\\', '.')
                                .replace('/', '.'))
                        .forEach(packages::add);
            }
        }
        List<String> described = new ArrayList<>();
        Matcher entry =
                Pattern.compile("(?m)^((?:`[a-z.]+`(?:, )?)+)::").matcher(section("architecture", "== The packages"));
        while (entry.find()) {
            Matcher name = Pattern.compile("`([a-z.]+)`").matcher(entry.group(1));
            while (name.find()) {
                described.add(name.group(1));
            }
        }
        // A package may span modules (grading here, grading.host in learner-host/): it is described once.
        assertThat(described)
                .as("packages docs/architecture.adoc describes")
                .containsExactlyInAnyOrderElementsOf(
                        packages.stream().distinct().toList());
    }

    @Test
    void theArchitecturePictureNamesClassesThatExist() throws IOException {
        String picture = section("architecture", "== The picture");
        picture = picture.substring(picture.indexOf("----") + 4, picture.indexOf("----", picture.indexOf("----") + 4));
        Set<String> classes = classes();
        // Words of the picture written as our classes are: CamelCase, or a capitalised word before a call.
        Matcher name = Pattern.compile("\\b([A-Z][a-z]+(?:[A-Z][a-z]+)+)\\b|\\b([A-Z][a-z]+)\\.[a-z]+\\(")
                .matcher(picture);
        List<String> named = new ArrayList<>();
        while (name.find()) {
            named.add(name.group(1) != null ? name.group(1) : name.group(2));
        }
        named.addAll(List.of("Lesson", "Cluster", "Drawing", "Grader", "Scorecard"));
        assertThat(named)
                .hasSizeGreaterThan(8)
                .allSatisfy(
                        c -> assertThat(classes).as("a class the picture names").contains(c));
    }

    @Test
    void theClassesThePackageListNamesExist() throws IOException {
        Set<String> classes = classes();
        Matcher name = Pattern.compile("`([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)`")
                .matcher(section("architecture", "== The packages"));
        List<String> named = new ArrayList<>();
        while (name.find()) {
            named.add(name.group(1));
        }
        assertThat(named)
                .hasSizeGreaterThan(60)
                .allSatisfy(c ->
                        assertThat(classes).as("a class the package list names").contains(c));
    }

    private static Set<String> classes() throws IOException {
        Set<String> classes = new java.util.HashSet<>();
        for (Path sources : moduleSources()) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".java"))
                        .map(f -> f.substring(0, f.length() - 5))
                        .forEach(classes::add);
            }
        }
        return classes;
    }

    /** Each module's {@code src/main/java/dev/streamlab}. */
    private static List<Path> moduleSources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/java/dev/streamlab"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        }
    }

    /** A guide's text from a heading to the next heading of the same level. */
    private static String section(String guide, String heading) throws IOException {
        String text = Files.readString(ROOT.resolve("docs/" + guide + ".adoc"));
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading + " in " + guide).isNotNegative();
        int end = text.indexOf("\n== ", start + heading.length() + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
