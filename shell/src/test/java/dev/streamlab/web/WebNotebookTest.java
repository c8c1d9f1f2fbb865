package dev.streamlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import dev.streamlab.lesson.Hint;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.Progress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook's server on its own: the secret in the address, the state the page reads, one cell at a time, progress in
 * the terminal's file, the end when idle. The cells are a stand-in: the real notebook runs in {@code WebNotebookIT}.
 */
class WebNotebookTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Cell PARTITIONS = new Cell(
            Cell.Kind.COMMAND,
            "/partitions orders",
            5,
            List.of(Expectation.parse("topic orders has 3 partitions")),
            7,
            List.of(new Hint(
                    List.of(new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(Span.plain("Press Run."))))))));
    private static final Cell LOOP = new Cell(Cell.Kind.JAVA, "while (true) { }", 9, List.of(), 0, List.of());
    private static final Lesson LESSON = new Lesson(
            "01-the-log",
            "The log",
            "lessons/01-the-log.adoc",
            List.of(
                    new Step(
                            List.of(new Prose(
                                    Prose.Kind.PARAGRAPH,
                                    0,
                                    "",
                                    List.of(List.of(Span.plain("Where do <partitions> live?"))))),
                            PARTITIONS),
                    new Step(List.of(), LOOP)));

    @TempDir
    Path home;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Progress progress;
    private WebSession session;
    private WebNotebook notebook;

    /** Draws a partition map for the command; the loop runs until stopped, printing as it goes. */
    private final class StandIn implements Cells {
        private volatile Consumer<String> listener;

        @Override
        public CellResult run(Cell cell, String code) {
            if (cell == LOOP) {
                listener.accept("looping...\n");
                try {
                    stopped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new CellResult(
                        cell, code, JavaOutcome.STOPPED, "looping...\n", "Stopped.", List.of(), Duration.ZERO);
            }
            TopicView view = new TopicView(
                    "orders",
                    List.of(new TopicView.Broker(1, true)),
                    List.of(new PartitionState("orders", 0, 1, List.of(1), List.of(1), 0, 0, 0)));
            return new CellResult(
                    cell,
                    code,
                    JavaOutcome.OK,
                    "orders-0 leader 1\n",
                    null,
                    List.of(new CellResult.Check(cell.expect().get(0), true, "")),
                    Duration.ofMillis(5),
                    Drawing.of(List.of(view), Drawing.text("orders-0 leader 1\n")));
        }

        @Override
        public CellResult runTyped(String input) {
            return new CellResult(null, input, JavaOutcome.OK, "typed " + input + "\n", null, List.of(), Duration.ZERO);
        }

        @Override
        public void stop() {
            stopped.countDown();
        }

        @Override
        public void watch(Consumer<String> listener) {
            this.listener = listener;
        }

        @Override
        public boolean canControlBrokers() {
            return true;
        }

        @Override
        public void prepareSql() {}

        @Override
        public dev.streamlab.notebook.JavaSession.Completions complete(String code, int cursor) {
            return new dev.streamlab.notebook.JavaSession.Completions(0, List.of("createTopic("));
        }
    }

    @BeforeEach
    void start() {
        progress = Progress.load(home.resolve("progress.json"));
        session = new WebSession(
                new StandIn(), new LessonCatalogue(List.of(LESSON)), progress, LearnerActivity.NONE, LESSON);
        notebook = WebNotebook.start(session, new EditorAssets(home.resolve("no-editor")), 0, Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        notebook.close();
        session.close();
    }

    @Test
    void aRequestWithoutTheSecretIsRefusedWithOneLine() throws Exception {
        String url = notebook.url();
        String secret = url.substring(notebook.origin().length() + 1, url.length() - 1);
        String wrong = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        for (String path : List.of(
                "/",
                "/lesson.json",
                "/state.json",
                "/" + wrong + "/",
                "/" + wrong + "/lesson.json",
                "/" + secret + "x/lesson.json",
                "/" + secret.substring(1) + "/lesson.json")) {
            HttpResponse<String> response = get(notebook.origin() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body())
                    .as(path)
                    .contains("secret")
                    .doesNotContain("\n")
                    .doesNotContain(secret);
        }
        HttpResponse<String> run =
                post(notebook.origin() + "/" + wrong + "/run", "{\"cell\":0,\"code\":\"/partitions orders\"}");
        assertThat(run.statusCode()).isEqualTo(403);
        assertThat(session.state().get("running").isNull()).isTrue();
        assertThat(session.state().get("results").size()).isZero();

        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url).headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("script-src 'self'");
    }

    @Test
    void anotherPagesRequestIsRefusedEvenWithTheSecret() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notebook.url() + "run"))
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cell\":0,\"code\":\"/partitions orders\"}"))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(session.state().get("running").isNull()).isTrue();
    }

    @Test
    void theLessonHasItsProseAsEscapedHtmlAndItsCells() throws Exception {
        JsonNode lesson =
                CellJson.JSON.readTree(get(notebook.url() + "lesson.json").body());

        assertThat(lesson.get("title").asText()).isEqualTo("The log");
        assertThat(lesson.get("steps").get(0).get("html").asText())
                .isEqualTo("<p>Where do &lt;partitions&gt; live?</p>\n");
        JsonNode cell = lesson.get("steps").get(0).get("cell");
        assertThat(cell.get("index").asInt()).isZero();
        assertThat(cell.get("kind").asText()).isEqualTo("command");
        assertThat(cell.get("expect").get(0).asText()).isEqualTo("topic orders has 3 partitions");
        assertThat(cell.get("hints").asInt()).isEqualTo(1);
    }

    @Test
    void aCellsResultIsInTheStateAndItsPassIsInTheTerminalsProgressFile() throws Exception {
        assertThat(post(notebook.url() + "run", "{\"cell\":0,\"code\":\"/partitions orders\"}")
                        .statusCode())
                .isEqualTo(202);

        JsonNode result = awaitState(state -> state.path("results").has("0"))
                .get("results")
                .get("0");

        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("checks").get(0).get("text").asText()).isEqualTo("topic orders has 3 partitions");
        assertThat(result.get("pictures").get(0).asText()).startsWith("<svg");
        assertThat(Progress.load(home.resolve("progress.json")).of("01-the-log").passedCells())
                .containsExactly(0);
        assertThat(Progress.load(home.resolve("progress.json")).lastLesson()).contains("01-the-log");
    }

    @Test
    void oneCellRunsAtATimeItsOutputShowsWhileItRunsAndStopEndsIt() throws Exception {
        assertThat(post(notebook.url() + "run", "{\"cell\":1,\"code\":\"while (true) { }\"}")
                        .statusCode())
                .isEqualTo(202);
        JsonNode running = awaitState(
                state -> state.path("running").path("output").asText().contains("looping"));
        assertThat(running.get("running").get("cell").asText()).isEqualTo("1");

        HttpResponse<String> second = post(notebook.url() + "run", "{\"cell\":0,\"code\":\"/partitions orders\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(CellJson.JSON.readTree(second.body()).get("message").asText())
                .isEqualTo("Another cell is running: wait for it or press Stop.");

        assertThat(post(notebook.url() + "stop", "{}").statusCode()).isEqualTo(202);
        JsonNode after = awaitState(state -> state.path("results").has("1"));
        assertThat(after.get("running").isNull()).isTrue();
        assertThat(after.get("results").get("1").get("outcome").asText()).isEqualTo("stopped");
    }

    @Test
    void badInputGetsOneSentence() throws Exception {
        assertThat(message(post(notebook.url() + "run", "{\"cell\":7,\"code\":\"x\"}"), 400))
                .isEqualTo("Lesson 01 has no cell 7: reload the page.");
        assertThat(message(post(notebook.url() + "run", "not json"), 400))
                .isEqualTo("The request is not JSON: reload the page.");
        assertThat(message(post(notebook.url() + "typed", "{\"code\":\"  \"}"), 400))
                .isEqualTo("The cell is empty: type some Java or a command such as /help, then run it.");
        assertThat(message(post(notebook.url() + "hint", "{\"cell\":1}"), 400))
                .isEqualTo("This cell has no hint: read the text above it again, or run it as it is.");
    }

    @Test
    void completionComesFromTheSessionIsRefusedOutsideTheCellAndEmptyWhileACellRuns() throws Exception {
        assertThat(message(post(notebook.url() + "complete", "{\"code\":\"cre\",\"cursor\":9}"), 400))
                .isEqualTo("The cursor is outside the cell: reload the page.");
        JsonNode idle = CellJson.JSON.readTree(post(notebook.url() + "complete", "{\"code\":\"cre\",\"cursor\":3}")
                .body());
        assertThat(idle.get("candidates").get(0).asText()).isEqualTo("createTopic(");
        assertThat(idle.get("anchor").asInt()).isZero();
        post(notebook.url() + "run", "{\"cell\":1,\"code\":\"while (true) { }\"}");
        awaitState(state -> !state.path("running").isNull());

        HttpResponse<String> response = post(notebook.url() + "complete", "{\"code\":\"cre\",\"cursor\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CellJson.JSON.readTree(response.body()).get("candidates")).isEmpty();
        session.stop();
    }

    @Test
    void anotherLessonOpensOnlyWhenItExistsAndNoCellRuns() throws Exception {
        assertThat(message(post(notebook.url() + "open", "{\"lesson\":\"99\"}"), 400))
                .isEqualTo("There is no lesson `99`: give a number such as 01.");
        post(notebook.url() + "run", "{\"cell\":1,\"code\":\"while (true) { }\"}");
        awaitState(state -> !state.path("running").isNull());

        assertThat(message(post(notebook.url() + "open", "{\"lesson\":\"01\"}"), 409))
                .isEqualTo("A cell is running: wait for it or press Stop, then open the lesson.");
        session.stop();
        awaitState(state -> state.path("running").isNull());
        assertThat(post(notebook.url() + "open", "{\"lesson\":\"01\"}").statusCode())
                .isEqualTo(202);
        assertThat(session.state().get("results").size()).isZero();
    }

    @Test
    void aHintShownStaysShownForTheNextPage() throws Exception {
        assertThat(post(notebook.url() + "hint", "{\"cell\":0}").statusCode()).isEqualTo(202);

        JsonNode state =
                CellJson.JSON.readTree(get(notebook.url() + "state.json").body());

        assertThat(state.get("hints").get("0").get(0).asText()).isEqualTo("<p>Press Run.</p>\n");
    }

    @Test
    void theSessionEndsWhenNoPageAsksForTheIdleTime() throws Exception {
        notebook.close();
        notebook = WebNotebook.start(session, new EditorAssets(home.resolve("no-editor")), 0, Duration.ofMillis(300));
        assertThat(get(notebook.url() + "lesson.json").statusCode()).isEqualTo(200);

        assertThat(notebook.awaitEnd(Duration.ofSeconds(10))).isTrue();
    }

    private JsonNode awaitState(java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long version = -1;
        while (System.nanoTime() < deadline) {
            JsonNode state = CellJson.JSON.readTree(
                    get(notebook.url() + "state.json?after=" + version).body());
            if (condition.test(state)) {
                return state;
            }
            version = state.get("version").asLong();
        }
        throw new AssertionError("The state did not come within 10 s: " + session.state());
    }

    private static String message(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        return CellJson.JSON.readTree(response.body()).get("message").asText();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
