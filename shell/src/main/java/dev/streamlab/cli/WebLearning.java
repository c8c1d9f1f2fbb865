package dev.streamlab.cli;

import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import dev.streamlab.notebook.StreamlabHome;
import dev.streamlab.web.Browser;
import dev.streamlab.web.Cells;
import dev.streamlab.web.EditorAssets;
import dev.streamlab.web.WebNotebook;
import dev.streamlab.web.WebSession;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code learn --web}: the same cluster and notebook as the terminal's, served as a page until the page has been gone
 * for {@link WebNotebook#IDLE} or the learner presses Ctrl-C; then the notebook's Java process and the cluster end.
 */
final class WebLearning {

    private final Output output;
    private final int brokers;
    private final ClusterOptions clusterOptions;
    private final int port;
    private final boolean openBrowser;

    WebLearning(Output output, int brokers, ClusterOptions clusterOptions, int port, boolean openBrowser) {
        this.output = output;
        this.brokers = brokers;
        this.clusterOptions = clusterOptions;
        this.port = port;
        this.openBrowser = openBrowser;
    }

    int learn(LessonCatalogue catalogue, Progress progress, Lesson lesson, LearnerActivity activity) {
        output.progress("Starting a Kafka cluster with " + brokers + " brokers in the background");
        CountDownLatch closed = new CountDownLatch(1);
        WebNotebook[] serving = new WebNotebook[1];
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        // Ctrl-C: end the page's wait, then let this thread close the notebook and the cluster before the JVM exits.
        Thread hook = new Thread(
                () -> {
                    WebNotebook page = serving[0];
                    stopped.set(true);
                    if (page != null) {
                        page.close();
                        try {
                            closed.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "web-notebook-close");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Notebook.Started started =
                        Notebook.start(() -> LessonClusters.start(clusterOptions, brokers, ClusterListener.SILENT));
                WebSession session =
                        new WebSession(Cells.of(started.notebook()), catalogue, progress, activity, lesson)) {
            EditorAssets editor =
                    EditorAssets.preinstalledOr(StreamlabHome.path().resolve("web-vendor"));
            editor.ensure(output::progress, output::error);
            try (WebNotebook page = WebNotebook.start(session, editor, port, WebNotebook.IDLE)) {
                serving[0] = page;
                output.result("Lesson " + lesson.number() + " is open at " + page.url());
                output.progress(
                        "Keep that address to yourself: it lets whoever has it run code as you. The session ends "
                                + WebNotebook.IDLE.toMinutes()
                                + " minutes after its last page is closed, or now with Ctrl-C.");
                if (openBrowser && !Browser.open(page.url())) {
                    output.progress("No desktop browser to open here: open the address above in yours.");
                }
                page.awaitEnd();
            }
            output.progress(
                    (stopped.get() ? "Stopped" : "No page has asked for " + WebNotebook.IDLE.toMinutes() + " minutes")
                            + ": closing the notebook and the cluster. Your progress is saved; `./streamlab learn --web` brings you back.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        return ExitCode.OK;
    }
}
