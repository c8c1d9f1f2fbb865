package dev.streamlab.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * A tiny HTTP endpoint over the application's window store, so a learner can {@code curl} it:
 * {@code GET /cards/4000-0000-0000-0001} answers {@code {"card_number": ..., "windows": {"2026-11-25T09:00:00Z": 4}}}.
 * The JDK's own HTTP server is enough for one endpoint on the loopback address.
 */
final class FraudQueryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private FraudQueryServer(HttpServer server) {
        this.server = server;
    }

    static FraudQueryServer start(int port, Function<String, Map<String, Long>> countsForCard) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/cards/", exchange -> answer(exchange, countsForCard));
            server.start();
            return new FraudQueryServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open port " + port + " for queries; choose another.", e);
        }
    }

    private static void answer(HttpExchange exchange, Function<String, Map<String, Long>> countsForCard)
            throws IOException {
        String card = URLDecoder.decode(
                exchange.getRequestURI().getPath().substring("/cards/".length()), StandardCharsets.UTF_8);
        int status = 200;
        Object body;
        try {
            // In the order the documentation shows: Map.of's order changes from one JVM to the next.
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("card_number", card);
            answer.put("windows", new java.util.TreeMap<>(countsForCard.apply(card)));
            body = answer;
        } catch (InvalidStateStoreException e) {
            status = 503;
            body = Map.of("error", "The application is not ready yet (it may be rebalancing). Ask again in a moment.");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
