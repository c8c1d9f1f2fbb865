package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds one lesson's deck and handout (Asciidoctor takes seconds to start, so one is enough) and checks that
 * they open offline: every script, style sheet and image is a local file, and the assets are there.
 * Needs npm and the npm registry the first time (the assets are then kept in target/).
 */
class DeckBuilderIT {

    private static final Path OUT = Path.of("target/slides-it");
    private static final Pattern ASSET = Pattern.compile(
            "<(?:script|img|link|iframe|video|audio|source)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"|url\\(['\"]?([^)'\"]+)|@import\\s+['\"]([^'\"]+)");

    private static DeckBuilder builder;
    private static DeckBuilder.Built built;
    private static DeckBuilder.Built demo;

    @BeforeAll
    static void build() {
        builder = new DeckBuilder(OUT);
        builder.prepareAssets(line -> { });
        LessonSources sources = LessonSources.at(Path.of("../lessons"));
        Path lesson = sources.lessons().stream()
                .filter(p -> p.getFileName().toString().startsWith("01-")).findFirst().orElseThrow();
        Path talk = sources.demos().stream()
                .filter(p -> p.getFileName().toString().equals("streaming-first.adoc")).findFirst().orElseThrow();
        List<DeckBuilder.Built> both = builder.buildAll(List.of(lesson, talk), line -> { });
        built = both.get(0);
        demo = both.get(1);
    }

    @AfterAll
    static void close() {
        builder.close();
    }

    @Test
    void theDeckHasTheLessonsTitleASlidePerSectionAndHintsAsSpeakerNotes() throws IOException {
        String deck = Files.readString(built.deck());
        assertThat(built.title()).isEqualTo("The log");
        assertThat(deck).contains("The log").contains("A topic is a log").contains("Records without a key")
                .contains("createTopic(\"orders\", 3)")
                .contains("<aside class=\"notes\">")
                .doesNotContain("topic orders has 3 partitions"); // an [expect] line
    }

    @Test
    void aDemosSpeakerNotesAreInTheDeckOnly() throws IOException {
        assertThat(Files.readString(demo.deck())).containsPattern("<aside class=\"notes\">[^<]*(<[^/][^>]*>)*[^<]*Kill the leader");
        assertThat(Files.readString(demo.handout())).doesNotContain("Kill the leader").contains("possible_fraud");
        assertThat(Files.readString(OUT.resolve("index.html"))).contains("streaming-first.html").contains("handouts/01-the-log.html");
    }

    @Test
    void theHandoutKeepsHintsAndDropsExpectations() throws IOException {
        String handout = Files.readString(built.handout());
        assertThat(handout).contains("The log").contains("Hint").doesNotContain("topic orders has 3 partitions");
    }

    /**
     * One deck in headless Chromium with every remote host unreachable: reveal.js must start ("ready") and
     * highlight.js colour the code, both from the local files; and a screenshot of the first slide is made.
     * Skipped where no Chromium is installed (CI installs Debian's).
     */
    @Test
    void theDeckRunsInAHeadlessBrowserWithNoNetwork() throws Exception {
        Optional<String> chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(DeckBuilderIT::onPath).findFirst();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on the PATH");
        List<String> offline = List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--window-size=1280,800");
        String url = built.deck().toAbsolutePath().toUri().toString();

        String dom = run(concat(offline, "--dump-dom", url));
        assertThat(dom).containsPattern("class=\"reveal [^\"]*ready").contains("hljs-keyword").contains("The log");

        Path png = OUT.resolve("01-the-log.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(concat(offline, "--screenshot=" + png, url));
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a screenshot with something on it").isGreaterThan(10_000);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static List<String> concat(List<String> command, String... more) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("chromium ended").isTrue();
        return out;
    }

    @Test
    void nothingRefersToARemoteAssetAndEveryLocalAssetExists() throws IOException {
        for (Path page : List.of(built.deck(), built.handout(), demo.deck(), demo.handout(), OUT.resolve("index.html"))) {
            // Comments name remote fonts (the default style sheet's disabled @import): they load nothing.
            String html = Files.readString(page).replaceAll("(?s)/\\*.*?\\*/|<!--.*?-->", "");
            Matcher m = ASSET.matcher(html);
            int assets = 0;
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                assertThat(ref).as("an asset in " + page).doesNotStartWith("http:").doesNotStartWith("https:").doesNotStartWith("//");
                if (!ref.startsWith("data:") && !ref.startsWith("#")) {
                    assertThat(page.getParent().resolve(ref.replaceFirst("[?#].*", ""))).as("asset " + ref + " of " + page).exists();
                }
                assets++;
            }
            if (page.equals(built.deck())) {
                assertThat(assets).as("scripts and style sheets in the deck").isGreaterThan(3);
            }
        }
    }
}
