package dev.streamlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.browser.HeadlessChromium;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 01 in a real headless Chromium, on real embedded brokers and the real notebook, as a learner uses it: run the
 * first cells, see the partition map, put a typo in a cell and read the compiler's words, fix it, see the log, stop an
 * endless loop, take a hint, reload and find the session as it was; then close the browser and see the session end
 * with nothing left running.
 */
class WebNotebookIT {

    /** CodeMirror is installed once into target/ (npm), as the decks' reveal.js is. */
    private static final Path EDITOR = Path.of("target/web-vendor");

    private static final Path SCREENSHOT = Path.of("target/web-notebook.png");
    private static final String FIXED = "for (String item : List.of(\"latte\", \"scone\", \"bagel\")) {\n"
            + "    print(send(\"orders\", \"alice\", item));\n}";

    @TempDir
    Path home;

    @Test
    void aLearnerWorksThroughLessonOneInTheBrowser() throws Exception {
        HeadlessChromium.executable();
        Set<Long> before =
                ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        EditorAssets editor = new EditorAssets(EDITOR);
        boolean codeMirror = editor.ensure(line -> {}, problem -> System.err.println(problem));
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        Lesson lesson = catalogue.find("01").orElseThrow();
        Path progressFile = home.resolve("progress.json");
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start();
                Notebook notebook = new Notebook(cluster);
                WebSession session = new WebSession(
                        Cells.of(notebook), catalogue, Progress.load(progressFile), LearnerActivity.NONE, lesson)) {
            WebNotebook server = WebNotebook.start(session, editor, 0, Duration.ofSeconds(15));
            try {
                HttpResponse<String> stranger = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.origin() + "/lesson.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(stranger.statusCode()).isEqualTo(403);

                try (HeadlessChromium chrome = HeadlessChromium.open(server.url())) {
                    awaitTrue(chrome, "document.querySelectorAll('.cell').length > 5", "the lesson's cells");
                    assertThat(chrome.evaluate("document.querySelector('h1').textContent"))
                            .isEqualTo("Lesson 01: The log");
                    if (codeMirror) {
                        awaitTrue(chrome, "document.querySelector('#cell-2 .CodeMirror') !== null", "the code editor");
                    }

                    click(chrome, "#cell-0 button.run");
                    awaitText(chrome, "#result-0", "✓ Step done.");
                    click(chrome, "#cell-1 button.run");
                    awaitTrue(
                            chrome,
                            "document.querySelector('#result-1 svg.partition-map') !== null",
                            "the partition map");
                    assertThat(text(chrome, "#result-1")).contains("✓ topic orders has 3 partitions");
                    chrome.screenshot(SCREENSHOT, 1100, "#cell-1");

                    // A typo, run with Shift+Enter from the keyboard: the compiler's words are in the page.
                    setCode(chrome, 2, FIXED.replace("print(", "prnt("));
                    focus(chrome, 2);
                    chrome.press("Enter", 13, 8);
                    awaitText(chrome, "#result-2", "Not yet");
                    assertThat(text(chrome, "#result-2"))
                            .contains("cannot find symbol")
                            .contains("prnt");

                    setCode(chrome, 2, FIXED);
                    click(chrome, "#cell-2 button.run");
                    awaitText(chrome, "#result-2", "✓ Step done.");
                    assertThat(text(chrome, "#result-2")).contains("✓ output contains \"orders-0  offset 0\"");
                    // The result is read out: it is in a polite live region, and ✓ is a word there, not a colour.
                    assertThat(chrome.evaluate("document.querySelector('#result-2').getAttribute('aria-live')"))
                            .isEqualTo("polite");
                    assertThat(chrome.evaluate("document.querySelector('#result-2 .checks li.held').textContent"))
                            .startsWith("✓ output contains");

                    // The accessibility tree a screen reader reads has the verdict, in a polite live region.
                    String tree = chrome.call("Accessibility.getFullAXTree", java.util.Map.of())
                            .toString();
                    assertThat(tree)
                            .contains("\"value\":\"✓ Step done.\"")
                            .contains("\"value\":\"Result of the java cell\"")
                            .contains("{\"name\":\"live\",\"value\":{\"type\":\"token\",\"value\":\"polite\"}}");
                    // Keyboard alone: Tab leaves the editor for the cell's Run button (no trap), and Enter presses it.
                    focus(chrome, 3);
                    chrome.press("Tab", 9, 0);
                    assertThat(chrome.evaluate("document.activeElement.matches('#cell-3 button.run')"))
                            .isEqualTo("true");
                    chrome.press("Enter", 13, 0);
                    awaitText(chrome, "#result-3", "✓ Step done.");

                    click(chrome, "#cell-4 button.run");
                    awaitTrue(
                            chrome,
                            "document.querySelector('#result-4 svg.log-strip, #result-4 svg') !== null",
                            "the log strip");

                    // An endless loop in the learner's own cell, stopped from the page.
                    setCode(chrome, "scratch", "while (true) { Thread.onSpinWait(); }");
                    click(chrome, "#cell-scratch button.run");
                    awaitTrue(
                            chrome, "!document.querySelector('#cell-scratch button.stop').disabled", "the Stop button");
                    click(chrome, "#cell-scratch button.stop");
                    awaitText(chrome, "#result-scratch", "You stopped the code.");
                    awaitTrue(chrome, "!document.querySelector('#cell-0 button.run').disabled", "Run again");

                    if (codeMirror) {
                        // Ctrl+Space: JShell's completions of the learner's helpers, as in the terminal.
                        setCode(chrome, "scratch", "createTo");
                        focus(chrome, "scratch");
                        chrome.evaluate(
                                "document.querySelector('#cell-scratch .CodeMirror').CodeMirror.setCursor({line: 0, ch: 8})");
                        chrome.press(" ", 32, 2);
                        awaitText(chrome, ".CodeMirror-hints", "createTopic(");
                    }

                    click(chrome, "#cell-2 button.hint");
                    awaitText(chrome, "#cell-2 .hints", "the offsets grow");

                    chrome.evaluate("location.reload()");
                    awaitText(chrome, "#result-2", "✓ Step done.");
                    awaitText(chrome, "#cell-2 .hints", "the offsets grow");
                    assertThat(code(chrome, 2)).isEqualTo(FIXED);
                    assertThat(text(chrome, "#cell-2 .badge")).isEqualTo("✓ passed");
                }
                assertThat(Progress.load(progressFile).of("01-the-log").passedCells())
                        .contains(0, 1, 2, 4);

                // The browser is gone: no page asks, and the session ends.
                assertThat(server.awaitEnd(Duration.ofSeconds(60)))
                        .as("the session ends when no page asks")
                        .isTrue();
            } finally {
                server.close();
            }
        }
        Awaitility.await("no process of the session left")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .noneMatch(p -> !before.contains(p.pid())));
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }

    private static void click(HeadlessChromium chrome, String selector) throws Exception {
        awaitTrue(
                chrome,
                "document.querySelector('" + selector + "') !== null && !document.querySelector('" + selector
                        + "').disabled",
                selector);
        chrome.evaluate("document.querySelector('" + selector + "').click()");
    }

    private static String text(HeadlessChromium chrome, String selector) throws Exception {
        return chrome.evaluate("(document.querySelector('" + selector + "') || {}).textContent || ''");
    }

    private static void awaitText(HeadlessChromium chrome, String selector, String text) {
        Awaitility.await(selector + " saying " + text)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> text(chrome, selector).contains(text));
    }

    private static void awaitTrue(HeadlessChromium chrome, String expression, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "true".equals(chrome.evaluate("String(" + expression + ")")));
    }

    /** The editor's code, whether CodeMirror or the plain text box. */
    private static String code(HeadlessChromium chrome, Object cell) throws Exception {
        return chrome.evaluate("(() => { const cm = document.querySelector('#cell-" + cell + " .CodeMirror');"
                + " return cm ? cm.CodeMirror.getValue() : document.querySelector('#code-" + cell + "').value; })()");
    }

    private static void setCode(HeadlessChromium chrome, Object cell, String code) throws Exception {
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(code);
        chrome.evaluate("(() => { const cm = document.querySelector('#cell-" + cell + " .CodeMirror');"
                + " if (cm) cm.CodeMirror.setValue(" + quoted + "); else document.querySelector('#code-" + cell
                + "').value = "
                + quoted + "; })()");
    }

    private static void focus(HeadlessChromium chrome, Object cell) throws Exception {
        chrome.evaluate("(() => { const cm = document.querySelector('#cell-" + cell + " .CodeMirror');"
                + " if (cm) cm.CodeMirror.focus(); else document.querySelector('#code-" + cell + "').focus(); })()");
    }
}
