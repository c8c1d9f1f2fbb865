package dev.streamlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium with a page open, asked about that page while it lives through the DevTools protocol
 * (Runtime.evaluate) over the JDK's WebSocket client. Written by hand (about 100 lines) because no small, well-kept Java
 * CDP client is a dependency here; it needs only evaluate.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static String executable() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseGet(() -> {
                    Assumptions.assumeTrue(false, "no Chromium installed (CI installs Debian's)");
                    return null;
                });
    }

    /** Opens {@code url}; every other host is unreachable, as in a room without internet. */
    public static HeadlessChromium open(String url) throws Exception {
        Path profile = Files.createTempDirectory("streamlab-chromium");
        Process process = new ProcessBuilder(
                        executable(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--remote-allow-origins=*",
                        "--user-data-dir=" + profile,
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                        url)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            Awaitility.await("Chromium's DevTools port")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(portFile)
                            && Files.readAllLines(portFile).size() >= 1);
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            String[] debuggerUrl = new String[1];
            Awaitility.await("the page's DevTools target")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        JsonNode targets = JSON.readTree(http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
                        for (JsonNode t : targets) {
                            if (t.path("type").asText().equals("page")
                                    && t.path("url").asText().startsWith(url)) {
                                debuggerUrl[0] = t.path("webSocketDebuggerUrl").asText();
                                return true;
                            }
                        }
                        return false;
                    });
            HeadlessChromium[] self = new HeadlessChromium[1];
            StringBuilder partial = new StringBuilder();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(debuggerUrl[0]), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                String message = partial.toString();
                                partial.setLength(0);
                                self[0].answer(message);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, profile, socket);
            return self[0];
        } catch (Exception | AssertionError e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            delete(profile);
            throw e;
        }
    }

    private void answer(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> future =
                        waiting.remove(node.get("id").asInt());
                if (future != null) {
                    future.complete(node);
                }
            }
        } catch (IOException e) {
            // not an answer of ours
        }
    }

    /** The value of a JavaScript expression in the page, as a string. */
    public String evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result");
        return result.path("value").isMissingNode()
                ? null
                : result.path("value").asText();
    }

    /** Calls a DevTools method on the page and returns its result. */
    public JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Presses a key as the keyboard would, on whatever has the focus ({@code modifiers}: 2 is Ctrl, 8 is Shift). */
    public void press(String key, int keyCode, int modifiers) throws Exception {
        // Enter types a character too, which is what presses a focused button.
        String text = key.equals("Enter") ? "\r" : "";
        String code = key.equals(" ") ? "Space" : key;
        call(
                "Input.dispatchKeyEvent",
                Map.of(
                        "type",
                        text.isEmpty() ? "rawKeyDown" : "keyDown",
                        "key",
                        key,
                        "code",
                        code,
                        "windowsVirtualKeyCode",
                        keyCode,
                        "modifiers",
                        modifiers,
                        "text",
                        text));
        call(
                "Input.dispatchKeyEvent",
                Map.of(
                        "type",
                        "keyUp",
                        "key",
                        key,
                        "code",
                        code,
                        "windowsVirtualKeyCode",
                        keyCode,
                        "modifiers",
                        modifiers));
    }

    /** The top of the page as a PNG, {@code width} CSS pixels wide, down to the bottom of the element {@code selector} finds. */
    public void screenshot(Path file, int width, String selector) throws Exception {
        call(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        double bottom = Double.parseDouble(evaluate("String(document.querySelector('" + selector.replace("'", "\\'")
                + "').getBoundingClientRect().bottom + window.scrollY + 16)"));
        JsonNode shot = call(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", bottom, "scale", 1)));
        Files.write(file, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
        delete(profile);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
