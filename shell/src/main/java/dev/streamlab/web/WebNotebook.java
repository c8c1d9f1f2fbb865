package dev.streamlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notebook page, served on 127.0.0.1 by the JDK's HTTP server at {@code http://127.0.0.1:PORT/SECRET/}: every
 * request without the secret is refused (403), so no other user or page on the machine can run code as the learner.
 * The page asks for the session's state by long polling ({@code state.json?after=VERSION}), so a reload or a second
 * tab finds the same session. When no page has asked for {@code idle}, the session ends ({@link #awaitEnd()} returns).
 */
public final class WebNotebook implements AutoCloseable {

    /** How long a session waits for a page after the last one went away: a closed laptop lid, a browser restarted. */
    public static final Duration IDLE = Duration.ofMinutes(15);
    /** How long the page's poll waits for a change before it asks again. */
    static final Duration POLL = Duration.ofSeconds(20);

    private static final int MAX_BODY = 1_000_000;
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String FORBIDDEN = "Forbidden: this notebook's address has a secret in it; open the address"
            + " `streamlab learn --web` printed.";

    private final WebSession session;
    private final EditorAssets assets;
    private final HttpServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService idleCheck;
    private final String secret;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastSeen = System.nanoTime();
    private final CountDownLatch ended = new CountDownLatch(1);

    private WebNotebook(WebSession session, EditorAssets assets, int port, Duration idle) {
        this.session = session;
        this.assets = assets;
        this.secret = ClusterSecurity.password(32);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        } catch (BindException e) {
            throw new ClusterException(
                    "Cannot open port " + port + " on 127.0.0.1 for the notebook: it is in use."
                            + " Choose another with --web-port N (0 picks a free one).",
                    e);
        } catch (IOException e) {
            throw new ClusterException("Cannot serve the notebook on port " + port + ": " + e.getMessage(), e);
        }
        threads = Executors.newCachedThreadPool(daemon("web-notebook-http"));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        idleCheck = Executors.newSingleThreadScheduledExecutor(daemon("web-notebook-idle"));
        long check = Math.max(50, Math.min(5_000, idle.toMillis() / 10));
        idleCheck.scheduleWithFixedDelay(
                () -> {
                    if (inFlight.get() == 0 && System.nanoTime() - lastSeen > idle.toNanos()) {
                        ended.countDown();
                    }
                },
                check,
                check,
                TimeUnit.MILLISECONDS);
    }

    /** Serves {@code session} on 127.0.0.1:{@code port} (0: a free one) until closed or idle for {@code idle}. */
    public static WebNotebook start(WebSession session, EditorAssets assets, int port, Duration idle) {
        return new WebNotebook(session, assets, port, idle);
    }

    /** The page's address, secret included: {@code http://127.0.0.1:PORT/SECRET/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + base();
    }

    /** The address with no secret, for telling what a stranger gets. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String base() {
        return "/" + secret + "/";
    }

    /** Waits until no page has asked for the idle time, or the notebook is closed. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Whether the session ended within {@code wait}. */
    public boolean awaitEnd(Duration wait) throws InterruptedException {
        return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        lastSeen = System.nanoTime();
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!hasSecret(path)) {
                send(exchange, 403, TEXT, FORBIDDEN);
            } else if (path.length() == secret.length() + 1) {
                exchange.getResponseHeaders().set("Location", base());
                send(exchange, 303, TEXT, "The notebook is at " + base());
            } else {
                route(exchange, path.substring(base().length()));
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, JSON_TYPE, message(e.getMessage()));
        } catch (IllegalStateException e) {
            send(exchange, 409, JSON_TYPE, message(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, JSON_TYPE, message("The notebook is closing."));
        } catch (RuntimeException e) {
            send(exchange, 500, JSON_TYPE, message("The notebook failed: " + e.getMessage()));
        } finally {
            lastSeen = System.nanoTime();
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** The first segment of the path is the secret, compared in constant time. */
    boolean hasSecret(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        int end = path.indexOf('/', 1);
        String given = end < 0 ? path.substring(1) : path.substring(1, end);
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private void route(HttpExchange exchange, String rest) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            switch (rest) {
                case "" -> send(exchange, 200, "text/html; charset=utf-8", page());
                case "notebook.js" -> send(exchange, 200, "text/javascript; charset=utf-8", resource("notebook.js"));
                case "notebook.css" -> send(exchange, 200, "text/css; charset=utf-8", resource("notebook.css"));
                case "lesson.json" ->
                    send(exchange, 200, JSON_TYPE, session.lesson().toString());
                case "state.json" ->
                    send(
                            exchange,
                            200,
                            JSON_TYPE,
                            session.awaitState(after(exchange.getRequestURI().getRawQuery()), POLL)
                                    .toString());
                default -> vendor(exchange, rest);
            }
            return;
        }
        if (!method.equals("POST")) {
            send(exchange, 405, JSON_TYPE, message("Only GET and POST are answered here."));
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals(origin())) {
            send(exchange, 403, TEXT, "Forbidden: only the notebook's own page may run cells.");
            return;
        }
        JsonNode body = body(exchange);
        if (rest.equals("complete")) {
            send(
                    exchange,
                    200,
                    JSON_TYPE,
                    session.complete(text(body, "code"), body.path("cursor").asInt(-1))
                            .toString());
            return;
        }
        switch (rest) {
            case "run" -> session.run(body.path("cell").asInt(-1), text(body, "code"));
            case "typed" -> session.runTyped(text(body, "code"));
            case "stop" -> session.stop();
            case "hint" -> session.hint(body.path("cell").asInt(-1));
            case "open" -> session.open(text(body, "lesson"));
            default -> {
                send(exchange, 404, JSON_TYPE, message("There is nothing to do at " + rest + "."));
                return;
            }
        }
        send(exchange, 202, JSON_TYPE, "{}");
    }

    private static long after(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("after=")) {
                    try {
                        return Long.parseLong(pair.substring("after=".length()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("after= takes a number: the state version the page has.");
                    }
                }
            }
        }
        return -1;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("The request has no text `" + field + "`: reload the page.");
        }
        return value.asText();
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("The cell is longer than a million bytes: cut it into smaller cells.");
        }
        if (bytes.length == 0) {
            return CellJson.JSON.createObjectNode();
        }
        try {
            return CellJson.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request is not JSON: reload the page.");
        }
    }

    private void vendor(HttpExchange exchange, String rest) throws IOException {
        var file = rest.startsWith("vendor/")
                ? assets.file(rest.substring("vendor/".length()))
                : java.util.Optional.<java.nio.file.Path>empty();
        if (file.isEmpty()) {
            send(exchange, 404, TEXT, "Not here: " + rest);
            return;
        }
        String type = rest.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        send(exchange, 200, type, Files.readString(file.get()));
    }

    private String page() throws IOException {
        String editor = assets.present()
                ? "<link rel=\"stylesheet\" href=\"vendor/codemirror.css\">\n"
                        + "<link rel=\"stylesheet\" href=\"vendor/show-hint.css\">\n"
                        + "<script src=\"vendor/codemirror.js\" defer></script>\n<script src=\"vendor/clike.js\" defer></script>\n"
                        + "<script src=\"vendor/show-hint.js\" defer></script>"
                : "";
        return resource("notebook.html").replace("<!-- editor -->", editor);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebNotebook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the build lost " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String message(String text) {
        return CellJson.JSON.createObjectNode().put("message", text).toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        // The page's own scripts only: whatever a learner's output holds is drawn as text, and could not run anyway.
        headers.set(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                        + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops serving and ends the session's wait; the session and notebook are their owner's to close. */
    @Override
    public void close() {
        ended.countDown();
        idleCheck.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }
}
