package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.browser.HeadlessChromium;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Expectation;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.ClassPublisher;
import dev.streamlab.notebook.JavaOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The instructor's view on a real embedded cluster: simulated learners publish through the learner's own publisher, the
 * Kafka Streams app folds, and a real headless Chromium shows the page change; the class server down while learners work.
 */
class ClassWatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROWS = "JSON.stringify([...document.querySelectorAll('#learners tr[data-learner]')]"
            + ".map(r => ({name: r.dataset.learner, lesson: r.dataset.lesson, step: r.dataset.step,"
            + " failures: r.dataset.failures, stuck: r.dataset.stuck, cls: r.className}))"
            + ".concat([...document.querySelectorAll('#steps tr[data-step]')].map(r => ({step: r.dataset.step,"
            + " cells: [...r.cells].map(c => c.textContent).join('|')}))))";

    private static CellResult failed(String expectation) {
        return new CellResult(
                null,
                "",
                JavaOutcome.OK,
                "",
                null,
                List.of(new CellResult.Check(
                        new Expectation.OutputContains(expectation, "3"), false, "not in the output")),
                Duration.ZERO);
    }

    private static CellResult passed() {
        return new CellResult(null, "", JavaOutcome.OK, "", null, List.of(), Duration.ZERO);
    }

    private static JsonNode row(HeadlessChromium browser, String name) throws Exception {
        for (JsonNode r : JSON.readTree(browser.evaluate(ROWS))) {
            if (name.equals(r.path("name").asText(null))
                    || name.equals(r.path("step").asText(null)) && !r.has("name")) {
                return r;
            }
        }
        return null;
    }

    @Test
    void thePageInAHeadlessChromiumFollowsEachLearnerStepByStepAndShowsWhoIsStuck() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(1).start();
                ClassWatch watch = ClassWatch.start(
                        cluster.clientConfig(), true, 0, ClassView.StuckRule.DEFAULT, Clock.systemUTC())) {
            watch.awaitRunning(Duration.ofSeconds(60));
            int taken = URI.create(watch.url()).getPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClassWatch.start(
                            cluster.clientConfig(), true, taken, ClassView.StuckRule.DEFAULT, Clock.systemUTC()))
                    .hasMessageContaining("Cannot open port " + taken)
                    .hasMessageContaining("--port");
            Awaitility.await("the second watch's stream threads end")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> Thread.getAllStackTraces().keySet().stream()
                                    .filter(t -> t.isAlive() && t.getName().startsWith("streamlab-class-watch-"))
                                    .map(Thread::getName)
                                    .map(n -> n.substring(0, "streamlab-class-watch-".length() + 36))
                                    .distinct()
                                    .count()
                            == 1);
            List<String> warnings = new CopyOnWriteArrayList<>();
            try (ClassPublisher ada = ClassPublisher.start(cluster.bootstrapServers(), "Ada L", warnings::add);
                    ClassPublisher bo = ClassPublisher.start(cluster.bootstrapServers(), "Bo", warnings::add);
                    HeadlessChromium browser = HeadlessChromium.open(watch.url())) {
                ada.stepReached("01-the-log", 1);
                bo.stepReached("01-the-log", 1);
                Awaitility.await("both learners on the page at step 1")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            assertThat(row(browser, "Ada L")).isNotNull();
                            assertThat(row(browser, "Ada L").path("step").asText())
                                    .isEqualTo("1");
                            assertThat(row(browser, "Bo").path("step").asText()).isEqualTo("1");
                        });

                ada.stepReached("01-the-log", 2);
                Awaitility.await("Ada moves to step 2 on the page")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> row(browser, "Ada L").path("step").asText().equals("2"));
                assertThat(row(browser, "01-the-log#1").path("cells").asText())
                        .as("lesson|step|here|stuck|past")
                        .isEqualTo("01-the-log|1|1|0|1");

                for (int i = 0; i < 3; i++) {
                    ada.cellRun("01-the-log", 2, failed("prints 3 records"));
                }
                Awaitility.await("three failures make Ada stuck on the page")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() ->
                                row(browser, "Ada L").path("stuck").asText().equals("true"));
                assertThat(row(browser, "Ada L").path("cls").asText()).isEqualTo("stuck");
                assertThat(row(browser, "Ada L").path("failures").asText()).isEqualTo("3");
                assertThat(browser.evaluate("document.querySelector('tr.stuck .why').textContent"))
                        .isEqualTo("prints 3 records");
                assertThat(ClassTable.text(watch.view(), 160)).contains("Ada L").contains("STUCK");

                ada.cellRun("01-the-log", 2, passed());
                ada.lessonFinished("01-the-log");
                Awaitility.await("passing unsticks Ada")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() ->
                                row(browser, "Ada L").path("stuck").asText().equals("false"));

                String csv = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(watch.url() + "class.csv"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(csv.lines().toList())
                        .contains("learner,lesson,step,on step,failures,hints,finished,labs,status")
                        .anyMatch(l -> l.startsWith("Ada L,01-the-log,2,") && l.contains(",3,0,01-the-log,,"));
                assertThat(warnings).isEmpty();
                assertThat(ada.sent()).isEqualTo(8);
            }
        }
    }

    @Test
    void anUnreachableClassServerIsOneWarningTheLessonDoesNotWaitAndTheEventsArriveOnceWhenItIsBack() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (ClassPublisher cy = ClassPublisher.start("127.0.0.1:" + port, "Cy", warnings::add)) {
            long start = System.nanoTime();
            cy.stepReached("02-consumer-positions", 3);
            for (int i = 0; i < 50; i++) {
                cy.cellRun("02-consumer-positions", 3, failed("the group's lag is 0"));
            }
            cy.hintAsked("02-consumer-positions", 3);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("52 events while the server is down")
                    .isLessThan(Duration.ofSeconds(1));
            Awaitility.await("one warning").atMost(Duration.ofSeconds(20)).until(() -> !warnings.isEmpty());
            assertThat(cy.waiting()).isGreaterThanOrEqualTo(52);

            try (EmbeddedCluster cluster =
                    EmbeddedCluster.builder().brokers(1).basePort(port).start()) {
                ClassWatch.createTopic(cluster.clientConfig());
                Awaitility.await("the buffer empties once the server is back")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> cy.waiting() == 0);
                try (ClassWatch watch = ClassWatch.start(
                        cluster.clientConfig(), true, 0, ClassView.StuckRule.DEFAULT, Clock.systemUTC())) {
                    Awaitility.await("the view has Cy's 50 failures and one hint, each once")
                            .atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(200))
                            .untilAsserted(() -> {
                                ClassView.Learner learner = watch.view().learner("Cy");
                                assertThat(learner).isNotNull();
                                assertThat(learner.hints()).isEqualTo(1);
                                assertThat(learner.failures()).isEqualTo(50);
                            });
                }
            }
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("cannot be reached").contains("The lesson is not affected");
            assertThat(cy.dropped()).isZero();
        }
    }
}
