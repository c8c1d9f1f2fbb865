package dev.streamlab.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cluster.ClusterException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A Connect worker reached through its REST API, the way {@code curl} and every tool reach one: used for workers
 * that run in a container. Same answers as {@link EmbeddedConnectWorker}, which asks its herder directly.
 */
public class ConnectRestClient implements ConnectWorker {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String restUrl;
    private final HttpClient http;

    /** A client of a worker whose REST API needs no certificate of the client's. */
    public ConnectRestClient(String restUrl) {
        this(
                restUrl,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A client that presents {@code tls}'s certificate, for a worker that answers only that one. */
    public ConnectRestClient(String restUrl, SSLContext tls) {
        this(
                restUrl,
                HttpClient.newBuilder()
                        .sslContext(tls)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    private ConnectRestClient(String restUrl, HttpClient http) {
        this.restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        this.http = http;
    }

    @Override
    public String restUrl() {
        return restUrl;
    }

    @Override
    public HttpClient restClient() {
        return http;
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        Map<String, String> full = new LinkedHashMap<>(config);
        full.put("name", name);
        String connectorClass = full.getOrDefault("connector.class", "");
        if (connectorClass.isBlank()) {
            throw new ConnectorConfigException(name, List.of("connector.class: say which connector to run"));
        }
        JsonNode validation = send("PUT", "/connector-plugins/" + encode(connectorClass) + "/config/validate", full);
        if (validation.path("error_count").asInt() > 0) {
            List<String> problems = new ArrayList<>();
            for (JsonNode setting : validation.path("configs")) {
                JsonNode value = setting.path("value");
                if (!value.path("errors").isEmpty()) {
                    List<String> errors = new ArrayList<>();
                    value.path("errors").forEach(error -> errors.add(error.asText()));
                    problems.add(value.path("name").asText() + ": " + String.join(" ", errors));
                }
            }
            throw new ConnectorConfigException(name, problems);
        }
        send("PUT", "/connectors/" + encode(name) + "/config", full);
    }

    @Override
    public ConnectorStatus status(String name) {
        JsonNode status = send("GET", "/connectors/" + encode(name) + "/status", null);
        List<ConnectorStatus.State> tasks = new ArrayList<>();
        status.path("tasks").forEach(task -> tasks.add(state(task)));
        return new ConnectorStatus(state(status.path("connector")), tasks);
    }

    private static ConnectorStatus.State state(JsonNode state) {
        return new ConnectorStatus.State(
                state.path("id").asInt(-1),
                state.path("state").asText(),
                state.path("trace").asText(""));
    }

    @Override
    public void deleteConnector(String name) {
        send("DELETE", "/connectors/" + encode(name), null);
    }

    /**
     * Waits until the worker's REST API answers {@code GET /}: its port opens before its resources are ready. The
     * deadline covers a worker whose TLS refuses this client too: its messages name the handshake.
     */
    void awaitAnswer(Duration deadline) {
        dev.streamlab.cluster.Await.until(
                deadline,
                () -> {
                    try {
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(URI.create(restUrl + "/"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200 ? java.util.Optional.of(answer) : java.util.Optional.empty();
                    } catch (IOException notYet) {
                        return java.util.Optional.empty();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ClusterException("Interrupted while waiting for Connect's REST API.", e);
                    }
                },
                "Connect's REST API at " + restUrl + " did not answer within " + deadline.toSeconds() + " s.");
    }

    /** Nothing to stop: the worker belongs to whoever started it. */
    @Override
    public void close() {}

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new ClusterException("Connect could not " + method + " " + path + ": "
                        + answer.path("message").asText(response.body()) + " (HTTP " + response.statusCode() + ")");
            }
            return answer;
        } catch (IOException e) {
            throw new ClusterException(
                    "Connect's REST API at " + restUrl + " did not answer " + method + " " + path + ": "
                            + e.getMessage() + ". Is the worker still running?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while asking Connect " + method + " " + path + ".", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
