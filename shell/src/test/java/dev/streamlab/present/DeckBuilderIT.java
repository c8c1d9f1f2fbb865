package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.diagram.View;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.Notebook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds every deck as {@code streamlab slides} does: each lesson and demo rehearsed on one embedded cluster, then
 * written. An audience's look, in headless Chromium at 1280 x 720 with every remote host unreachable: every slide fits
 * without scrolling, holds few words outside its notes, and the diagram slides show the values the rehearsal saw.
 * A screenshot of each deck's first picture slide is kept in {@code target/deck-screenshots/} for review.
 */
class DeckBuilderIT {

    private static final Path OUT = Path.of("target/slides-it");
    private static final Path SCREENSHOTS = Path.of("target/deck-screenshots");
    private static final Pattern ASSET = Pattern.compile(
            "<(?:script|img|link|iframe|video|audio|source)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"|url\\(['\"]?([^)'\"]+)|@import\\s+['\"]([^'\"]+)");

    private static final Map<Path, Lesson> lessons = new LinkedHashMap<>();
    private static Map<Path, Recording> recordings;
    private static List<DeckBuilder.Built> built;
    private static final Map<Lesson, Rehearsal.Report> demosAgain = new LinkedHashMap<>();
    private static final Map<Lesson, Path> demoNotes = new LinkedHashMap<>();

    @BeforeAll
    static void build() {
        try (DeckBuilder builder = new DeckBuilder(OUT)) {
            builder.prepareAssets(line -> {});
            for (Path source : LessonSources.at(Path.of("../lessons")).all()) {
                lessons.put(source, builder.parse(source));
            }
            try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
                recordings = new DeckRehearsal(cluster).rehearse(lessons, line -> {});
                // Always rehearsed here, never read from the cache; kept in it for the build's distribution, whose
                // decks
                // then need no second rehearsal of the same lessons on the same code (see the pom).
                recordings.forEach(RehearsalCache.none()::keep);
                rehearseTheDemosAgain(cluster);
            }
            built = builder.buildAll(lessons, recordings, line -> {});
        }
    }

    /**
     * A demo rehearsed on a cluster where it ran before (the deck's rehearsal above) starts from a clean state after its
     * reset, as {@code streamlab demo NAME --rehearse} does before a talk, and writes its speaker notes.
     */
    private static void rehearseTheDemosAgain(Cluster cluster) {
        try (Notebook notebook = new Notebook(cluster)) {
            for (Lesson demo : LessonCatalogue.builtInDemos().lessons()) {
                Path notes = OUT.resolve("notes-it").resolve(demo.id() + "-notes.txt");
                new DemoReset(cluster.clientConfig()).reset(demo);
                demosAgain.put(demo, new Rehearsal(notebook, new SpeakerNotes(notes)).run(demo, r -> {}));
                demoNotes.put(demo, notes);
            }
        }
    }

    @Test
    void everyDemoRehearsesAgainOnTheSameClusterAndWritesItsNotes() throws IOException {
        assertThat(demosAgain)
                .isNotEmpty()
                .hasSameSizeAs(LessonCatalogue.builtInDemos().lessons());
        for (Map.Entry<Lesson, Rehearsal.Report> entry : demosAgain.entrySet()) {
            Lesson demo = entry.getKey();
            assertThat(entry.getValue().results()).hasSameSizeAs(demo.cells());
            assertThat(entry.getValue().results())
                    .allSatisfy(result -> assertThat(result.passed())
                            .as(
                                    "second run: %s:%d `%s` did not pass: %s%noutput:%n%s",
                                    demo.file(), result.cell().line(), result.code(), result.whyNot(), result.output())
                            .isTrue());
            assertThat(Files.readString(demoNotes.get(demo)))
                    .contains("== Step 1 of")
                    .doesNotContain("topic orders has");
        }
    }

    /**
     * Every lesson and demo runs headless, cell by cell, on a real 3-broker cluster, through the same {@code LessonRunner}
     * that {@code streamlab check} uses: a broken lesson fails the build. (This rehearsal is the one run of the whole
     * course in the suite outside the one-session tests: the decks, the lessons and the demos share it.)
     */
    @Test
    void everyLessonAndDemoWasRehearsedAndPassed() {
        assertThat(built).hasSize(lessons.size()).allMatch(DeckBuilder.Built::rehearsed);
        List<String> catalogue = Stream.concat(
                        LessonCatalogue.builtIn().lessons().stream(), LessonCatalogue.builtInDemos().lessons().stream())
                .map(Lesson::id)
                .toList();
        assertThat(lessons.values().stream().map(Lesson::id).toList())
                .as("the lessons and demos rehearsed")
                .containsAll(catalogue);
        lessons.forEach((source, lesson) -> {
            Recording recording = recordings.get(source);
            assertThat(recording.cells()).as("cells of %s that ran", source).hasSameSizeAs(lesson.cells());
            for (Cell cell : lesson.cells()) {
                Recording.Shown shown = recording.of(cell).orElseThrow();
                assertThat(shown.passed())
                        .as(
                                "%s:%d `%s` did not pass: %s%noutput:%n%s",
                                source, cell.line(), cell.code(), shown.whyNot(), shown.output())
                        .isTrue();
            }
        });
    }

    @Test
    void everySlideOfEveryDeckFitsTheScreenWithFewWords() throws Exception {
        String chromium = chromium();
        for (DeckBuilder.Built deck : built) {
            JsonNode slides = measure(chromium, deck.deck());
            assertThat(slides.size()).as("slides of " + deck.deck()).isEqualTo(deck.slides());
            for (JsonNode slide : slides) {
                String where = deck.deck().getFileName() + " slide "
                        + slide.get("index").asInt() + ": " + slide.get("text").asText();
                assertThat(slide.get("content").asInt())
                        .as("content height of " + where)
                        .isLessThanOrEqualTo(720);
                assertThat(slide.get("height").asInt())
                        .as("scroll height of " + where)
                        .isLessThanOrEqualTo(720);
                assertThat(slide.get("tooWide").asBoolean())
                        .as("code or picture wider than " + where)
                        .isFalse();
                assertThat(slide.get("words").asInt())
                        .as("words outside the notes on " + where)
                        .isLessThanOrEqualTo(SlidePlan.MAX_WORDS);
            }
        }
    }

    @Test
    void lessonOnesPartitionMapAndLogStripShowTheRehearsedValues() throws Exception {
        Path source = source("01-the-log");
        TopicView partitions = views(source, TopicView.class).get(0);
        PartitionState first = partitions.partitions().get(0);
        LogView log = views(source, LogView.class).get(0);
        JsonNode slides = measure(chromium(), deck(source).deck());

        assertThat(slideWith(slides, "orders-0 on broker"))
                .as("a slide with the partition map")
                .contains("orders-0 on broker " + first.leader() + ": leader")
                .contains("broker 1")
                .contains("broker 3");
        String strip = slideWith(slides, log.topic() + ", partition " + log.partition());
        for (LogView.Record record : log.records()) {
            assertThat(strip)
                    .contains(record.value().length() > 9 ? record.value().substring(0, 8) : record.value());
        }
        assertThat(strip).contains("old on the left, new on the right").contains("log end");
        screenshot(deck(source), slides, "orders-0 on broker");
    }

    @Test
    void lessonSixShowsEachRecordsStateWithItsDeliveries() throws Exception {
        Path source = source("06-queues");
        List<dev.streamlab.diagram.QueueView> queues = views(source, dev.streamlab.diagram.QueueView.class);
        dev.streamlab.diagram.QueueView last = queues.get(queues.size() - 1);
        assertThat(last.statesKnown())
                .as("the rehearsal runs as the cluster's admin, who reads __share_group_state")
                .isTrue();
        assertThat(last.partitions().get(0).batches())
                .as("the poison order")
                .anySatisfy(b -> assertThat(b)
                        .extracting(
                                dev.streamlab.diagram.QueueView.Batch::state,
                                dev.streamlab.diagram.QueueView.Batch::deliveries)
                        .containsExactly(dev.streamlab.diagram.QueueView.RecordState.ARCHIVED, 5));
        JsonNode slides = measure(chromium(), deck(source).deck());
        assertThat(slideWith(slides, "share group kitchen (active)"))
                .contains("start offset")
                .contains("acknowledged")
                .contains("who holds a record now it does not show");
        assertThat(Files.readString(deck(source).deck()))
                .as("the poison order's box")
                .contains("class=\"share archived\"");
        screenshot(deck(source), slides, "share group kitchen (active)");
    }

    @Test
    void lessonThreeShowsTheBrokerThatDiedAndTheFollowerThatTookOver() throws Exception {
        Path source = source("03-replication-and-failover");
        List<TopicView> maps = views(source, TopicView.class);
        TopicView afterKill = maps.stream()
                .filter(v -> v.brokers().stream().anyMatch(b -> !b.up()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("lesson 03 showed no partition map with a broker down"));
        int down = afterKill.brokers().stream()
                .filter(b -> !b.up())
                .findFirst()
                .orElseThrow()
                .id();
        PartitionState p = afterKill.partitions().get(0);
        JsonNode slides = measure(chromium(), deck(source).deck());
        assertThat(slideWith(slides, "broker " + down + " (down)"))
                .contains(afterKill.topic() + "-" + p.partition() + " on broker " + p.leader() + ": leader");
        screenshot(deck(source), slides, "broker " + down + " (down)");
    }

    @Test
    void theTalksDeckOpensWithItsPictureAndEndsWithTheFraudQuery() throws Exception {
        Path source = source("streaming-first");
        JsonNode slides = measure(chromium(), deck(source).deck());
        String html = Files.readString(deck(source).deck());
        assertThat(html).contains("<img class=\"picture\" src=\"pictures/streaming-first.svg\"");
        assertThat(OUT.resolve("pictures/streaming-first.svg")).exists();
        assertThat(slides.get(1).get("text").asText())
                .as("the slide after the title")
                .contains("Streaming first");
        String last = slides.get(slides.size() - 1).get("text").asText();
        assertThat(last).as("the last slide").contains("possible_fraud").contains("HAVING count(*) > 3");
        assertThat(slides.get(slides.size() - 2).get("text").asText())
                .as("the slide before the last: Flink SQL's result")
                .contains("10 rows");
        assertThat(html).contains("exactly the planted: true").contains("TUMBLE(TABLE authorization_attempts");
        screenshot(deck(source), slides, "ricardo is here");
    }

    @Test
    void speakerNotesHoldTheProseAndHandoutsKeepItAllWithTheOutputs() throws IOException {
        String deck = Files.readString(deck(source("01-the-log")).deck());
        assertThat(deck).contains("<aside class=\"notes\">").contains("Hadoop has the file");
        String handout = Files.readString(deck(source("01-the-log")).handout());
        assertThat(handout)
                .contains("Hadoop has the file")
                .contains("Hint")
                .contains("What it printed")
                .contains("orders-0  offset 2")
                .doesNotContain("topic orders has 3 partitions");
        String demoHandout = Files.readString(deck(source("streaming-first")).handout());
        assertThat(demoHandout).doesNotContain("Kill the leader").contains("possible_fraud");
        assertThat(Files.readString(deck(source("streaming-first")).deck())).contains("Kill the leader");
        assertThat(Files.readString(OUT.resolve("index.html")))
                .contains("streaming-first.html")
                .contains("handouts/01-the-log.html");
    }

    @Test
    void nothingRefersToARemoteAssetAndEveryLocalAssetExists() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(OUT.resolve("index.html")));
        built.forEach(b -> pages.addAll(List.of(b.deck(), b.handout())));
        for (Path page : pages) {
            // Comments name remote fonts (the default style sheet's disabled @import): they load nothing.
            String html = Files.readString(page).replaceAll("(?s)/\\*.*?\\*/|<!--.*?-->", "");
            Matcher m = ASSET.matcher(html);
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                assertThat(ref)
                        .as("an asset in " + page)
                        .doesNotStartWith("http:")
                        .doesNotStartWith("https:")
                        .doesNotStartWith("//");
                if (!ref.startsWith("data:") && !ref.startsWith("#")) {
                    assertThat(page.getParent().resolve(ref.replaceFirst("[?#].*", "")))
                            .as("asset " + ref + " of " + page)
                            .exists();
                }
            }
        }
    }

    private static Path source(String id) {
        return lessons.keySet().stream()
                .filter(p -> p.getFileName().toString().equals(id + ".adoc"))
                .findFirst()
                .orElseThrow();
    }

    private static DeckBuilder.Built deck(Path source) {
        return built.stream().filter(b -> b.source().equals(source)).findFirst().orElseThrow();
    }

    private static <V extends View> List<V> views(Path source, Class<V> type) {
        Lesson lesson = lessons.get(source);
        return lesson.cells().stream()
                .map(c -> recordings.get(source).of(c))
                .flatMap(Optional::stream)
                .flatMap(s -> s.views().stream())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static String slideWith(JsonNode slides, String text) {
        for (JsonNode slide : slides) {
            if (slide.get("text").asText().contains(text)) {
                return slide.get("text").asText();
            }
        }
        throw new AssertionError("no slide shows \"" + text + "\"");
    }

    /** Opens the deck with {@code ?measure}: its script measures every slide and writes the figures into the page. */
    private static JsonNode measure(String chromium, Path deck) throws Exception {
        String url = deck.toAbsolutePath().toUri() + "?measure";
        String dom = run(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=20000",
                "--window-size=1280,720",
                "--dump-dom",
                url));
        Matcher m = Pattern.compile("<pre id=\"streamlab-measure\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(m.find())
                .as("reveal.js started and measured " + deck + " (offline)")
                .isTrue();
        String json = m.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private static void screenshot(DeckBuilder.Built deck, JsonNode slides, String text) throws Exception {
        int index = 0;
        for (JsonNode slide : slides) {
            if (slide.get("text").asText().contains(text)) {
                index = slide.get("index").asInt();
                break;
            }
        }
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS
                .resolve(deck.deck().getFileName().toString().replace(".html", ".png"))
                .toAbsolutePath();
        Files.deleteIfExists(png);
        run(List.of(
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=5000",
                "--window-size=1280,720",
                "--screenshot=" + png,
                deck.deck().toAbsolutePath().toUri() + "#/" + index));
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a screenshot with something on it").isGreaterThan(10_000);
    }

    private static String chromium() {
        Optional<String> chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(DeckBuilderIT::onPath)
                .findFirst();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on the PATH (CI installs Debian's)");
        return chromium.get();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        return out;
    }
}
