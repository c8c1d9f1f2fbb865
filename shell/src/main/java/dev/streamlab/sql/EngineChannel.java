package dev.streamlab.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL engine's JSON lines: one request per line on its stdin, each with an id; one reader thread sorts the replies
 * on its stdout by id, and keeps the engine's own announcements (id 0) apart.
 */
final class EngineChannel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream requests;
    private final Map<Long, BlockingQueue<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> announcements = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread reader;
    /** The last line on stdout that was not the protocol: the JVM's own dying words go there ("Terminating due to..."). */
    private volatile String stray = "";

    EngineChannel(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.reader = new Thread(this::readReplies, "sql-engine-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** A new request id; its replies wait in the returned queue until {@link #forget}. */
    long open() {
        long id = ids.incrementAndGet();
        waiting.put(id, new LinkedBlockingQueue<>());
        return id;
    }

    BlockingQueue<JsonNode> replies(long id) {
        return waiting.get(id);
    }

    void forget(long id) {
        waiting.remove(id);
    }

    /** The next announcement (ready, failed), or null after {@code millis}. */
    JsonNode announcement(long millis) {
        return poll(announcements, millis);
    }

    boolean hasAnnouncements() {
        return !announcements.isEmpty();
    }

    boolean engineAlive() {
        return process.isAlive();
    }

    /** What the engine printed last that was not the protocol. */
    String stray() {
        return stray;
    }

    /** Waits a little for the reader to read the engine's last words. */
    void awaitLastWords() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the engine to cancel the statement of request {@code target}. */
    void cancel(long target) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", ids.incrementAndGet());
        request.put("op", "cancel");
        request.put("target", target);
        send(request);
    }

    /** One request, one reply, within 30 s. */
    JsonNode ask(Map<String, Object> body) {
        long id = open();
        try {
            Map<String, Object> request = new LinkedHashMap<>(body);
            request.put("id", id);
            send(request);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                JsonNode reply = poll(replies(id), 100);
                if (reply != null) {
                    return reply;
                }
                if (!process.isAlive()) {
                    break;
                }
            }
            throw new SqlEngineException("The SQL engine did not answer. Try again: streamlab starts a new engine.");
        } finally {
            forget(id);
        }
    }

    synchronized void send(Map<String, Object> request) {
        try {
            requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
        } catch (IOException e) {
            throw new SqlEngineException("The SQL engine stopped. Try again: streamlab starts a new engine.");
        }
    }

    /** Closes the engine's stdin: the engine ends when it reads its end. */
    void closeRequests() {
        try {
            requests.close();
        } catch (IOException e) {
            // it is ending anyway
        }
    }

    private void readReplies() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode reply;
                try {
                    reply = JSON.readTree(line);
                } catch (IOException e) {
                    stray = line; // not the protocol: kept to say why the engine died
                    continue;
                }
                long id = reply.path("id").asLong();
                BlockingQueue<JsonNode> queue = id == 0 ? announcements : waiting.get(id);
                if (queue != null) {
                    queue.add(reply);
                }
            }
        } catch (IOException e) {
            // the engine ended; whoever waits notices that the process is gone
        }
    }

    static JsonNode poll(BlockingQueue<JsonNode> queue, long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlEngineException("Interrupted while waiting for the SQL engine.");
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }
}
