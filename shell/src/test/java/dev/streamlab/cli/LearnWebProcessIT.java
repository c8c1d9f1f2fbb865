package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cluster.Await;
import dev.streamlab.notebook.Progress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code learn --web} as a learner starts it, in its own JVM: it prints the address, refuses a request without the secret,
 * runs a cell into the terminal's progress file, and on Ctrl-C ends with its cluster and its Java process.
 */
class LearnWebProcessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void learnWebServesTheLessonRunsACellAndLeavesNothingRunningAfterCtrlC() throws Exception {
        // The editor WebNotebookIT installed, if it did; the page works without it too.
        List<String> env = List.of(
                "env",
                "STREAMLAB_HOME=" + home,
                "JAVA_TOOL_OPTIONS=-Dstreamlab.web.vendor="
                        + Path.of("target/web-vendor").toAbsolutePath());
        try (StreamlabProcess learn = StreamlabProcess.start(
                env, "512m", home, "learn", "--web", "01", "--no-browser", "--cluster", "embedded", "--brokers", "1")) {
            String line = Await.until(
                    Duration.ofSeconds(90),
                    () -> learn.stdout().stream()
                            .filter(l -> l.contains("is open at"))
                            .findFirst(),
                    "No address on stdout:\n" + String.join("\n", learn.stderr()));
            String url = line.substring(line.indexOf("http://")).strip();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/[A-Za-z0-9]{32}/");
            String origin = url.substring(0, url.indexOf('/', "http://".length()));

            assertThat(get(origin + "/lesson.json").statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(get(url + "lesson.json").body())
                            .get("title")
                            .asText())
                    .isEqualTo("The log");

            HttpResponse<String> run = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + "run"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"cell\":0,\"code\":\"createTopic(\\\"orders\\\", 3)\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(run.statusCode()).isEqualTo(202);
            JsonNode result = Await.until(
                    Duration.ofSeconds(90),
                    () -> {
                        try {
                            JsonNode state =
                                    JSON.readTree(get(url + "state.json").body());
                            return Optional.ofNullable(state.path("results").get("0"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "No result for the first cell");
            assertThat(result.get("passed").asBoolean()).as(result.toString()).isTrue();
            assertThat(Progress.load(home.resolve("progress.json"))
                            .of("01-the-log")
                            .passedCells())
                    .containsExactly(0);

            List<ProcessHandle> children =
                    ProcessHandle.of(learn.pid()).orElseThrow().descendants().toList();
            assertThat(children).as("the notebook's Java process").isNotEmpty();
            assertThat(learn.interrupt(Duration.ofSeconds(60)))
                    .as("learn --web ends on Ctrl-C")
                    .isTrue();
            Await.until(
                    Duration.ofSeconds(30),
                    () -> children.stream().noneMatch(ProcessHandle::isAlive) ? Optional.of(true) : Optional.empty(),
                    "A process of the session is still running: " + children);
            assertThat(String.join("\n", learn.stderr())).contains("Stopped: closing the notebook and the cluster.");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
