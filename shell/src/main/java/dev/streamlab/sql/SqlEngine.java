package dev.streamlab.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.jvm.JavaCommand;

/**
 * Apache Flink SQL in a JVM of its own (see {@code sql-engine/}), started when first needed and driven over its stdin
 * and stdout, one JSON object per line. The shell and the learner's Java session stay as they are; a crash, a query
 * that never ends or Flink's memory stay in the engine's JVM. Flink's temporary files go to a folder this class deletes.
 */
public final class SqlEngine implements AutoCloseable {

    /** The heap of the engine's JVM unless {@value #HEAP_VARIABLE} says otherwise. */
    public static final String DEFAULT_HEAP = "256m";
    public static final String HEAP_VARIABLE = "STREAMLAB_SQL_HEAP";
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to start the engine.
     *
     * @param kafka the cluster's client settings (bootstrap.servers, and security settings on a secure cluster)
     * @param topicPrefix the learner's prefix in a class, or empty
     * @param bounded Kafka tables read up to their end at submit time, so that every statement ends ({@code streamlab sql})
     * @param gateway start Flink's SQL Gateway (REST) beside the session
     * @param heap the engine JVM's heap, such as {@code 256m}
     */
    public record Settings(Map<String, String> kafka, String topicPrefix, boolean bounded, boolean gateway, String heap) {

        public Settings {
            kafka = Map.copyOf(kafka);
        }

        public static Settings of(Map<String, ?> clientConfig, String topicPrefix) {
            Map<String, String> kafka = new LinkedHashMap<>();
            clientConfig.forEach((k, v) -> kafka.put(k, String.valueOf(v)));
            String heap = System.getenv(HEAP_VARIABLE);
            return new Settings(kafka, topicPrefix, false, true, heap == null || heap.isBlank() ? DEFAULT_HEAP : heap.strip());
        }

        public Settings headless() {
            return new Settings(kafka, topicPrefix, true, false, heap);
        }

        public Settings heap(String newHeap) {
            return new Settings(kafka, topicPrefix, bounded, gateway, newHeap);
        }
    }

    /** What a running query tells whoever waits for it. */
    public interface Watcher {
        /** The columns are known: the table's header can be shown. */
        default void columns(SqlTable table) {
        }

        /** A row came; return true when it is enough (the query is then stopped). */
        default boolean row(SqlOutcome.Row row, SqlTable table, int count) {
            return false;
        }
    }

    /** An {@code INSERT INTO} job the engine knows, with its status. */
    public record JobInfo(String id, String name, String status, long startedMillis) {
    }

    private final Process process;
    private final ScratchDirectory scratch;
    private final Map<Long, BlockingQueue<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> announcements = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final OutputStream requests;
    private final Thread reader;
    private final EngineClassSharing sharing;
    /** The last line on stdout that was not the protocol: the JVM's own dying words go there ("Terminating due to..."). */
    private volatile String stray = "";
    private volatile long running;
    private volatile SqlOutcome.Reason stopWanted;
    private String gatewayUrl = "";
    private String flinkVersion = "";
    private Duration readyIn = Duration.ZERO;
    private Duration keysReadyIn = Duration.ZERO;
    private Duration waitedForKeys = Duration.ZERO;
    private EngineKeystore keystore;

    private SqlEngine(Process process, ScratchDirectory scratch, EngineClassSharing sharing) {
        this.process = process;
        this.sharing = sharing;
        this.scratch = scratch;
        this.requests = process.getOutputStream();
        this.reader = new Thread(this::readReplies, "sql-engine-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts an engine and waits until its session answers. {@code progress} hears a line about once a second while it
     * starts (it takes seconds). Fails with one sentence and the way out, leaving no process and no files behind.
     */
    public static SqlEngine start(Settings settings, Consumer<String> progress) {
        SqlEngineFiles files = SqlEngineFiles.find();
        List<String> classPath = files.classPath();
        EngineClassSharing sharing = EngineClassSharing.beside(files.jar());
        ScratchDirectory scratch = ScratchDirectory.create("sql-engine");
        EngineKeystore.Making making;
        try {
            // The keystore lives here: this folder must be the learner's alone.
            EngineKeystore.ownerOnly(scratch.path(), "rwx------");
            making = EngineKeystore.make(scratch.path());
        } catch (IOException | RuntimeException e) {
            scratch.close();
            throw e instanceof SqlEngineException sql ? sql
                    : new SqlEngineException("The SQL engine's folder " + scratch.path() + " cannot be made private: " + e.getMessage() + ".");
        }
        Path log = scratch.resolve("engine.log");
        JavaCommand command = JavaCommand.ofThisJdk()
                .option("-Xmx" + settings.heap())
                .option("-XX:+UseSerialGC")
                .option("-XX:+ExitOnOutOfMemoryError")
                .option("-Xss1m")
                .options(sharing.options(files.jar()))
                .property("java.io.tmpdir", scratch.path())
                .property("org.slf4j.simpleLogger.defaultLogLevel", "warn")
                .property("org.slf4j.simpleLogger.logFile", "System.err")
                .classPath(classPath)
                .main(SqlEngineFiles.MAIN_CLASS);
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command.toList())
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            making.cancel();
            scratch.close();
            throw new SqlEngineException("The SQL engine could not start: " + e.getMessage() + ".");
        }
        SqlEngine engine = new SqlEngine(process, scratch, sharing);
        try {
            engine.keystore = making.await();
            long keysMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            engine.keysReadyIn = Duration.ofMillis(keysMillis);
            engine.send(configLine(settings, engine.keystore));
            engine.awaitReady(settings, progress, started, log);
            return engine;
        } catch (RuntimeException e) {
            making.cancel();
            engine.close();
            throw e;
        }
    }

    private static Map<String, Object> configLine(Settings settings, EngineKeystore keystore) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("keystore", keystore.file().toString());
        config.put("keystorePassword", keystore.password());
        config.put("kafka", settings.kafka());
        config.put("topicPrefix", settings.topicPrefix());
        config.put("bounded", settings.bounded());
        config.put("gatewayPort", settings.gateway() ? 0 : -1);
        return config;
    }

    private void awaitReady(Settings settings, Consumer<String> progress, long started, Path log) {
        long deadline = started + START_DEADLINE.toNanos();
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            JsonNode said = poll(announcements, 200);
            if (said != null && said.path("type").asText().equals("ready")) {
                readyIn = Duration.ofNanos(System.nanoTime() - started);
                gatewayUrl = said.path("gateway").asText("");
                flinkVersion = said.path("flinkVersion").asText("");
                waitedForKeys = Duration.ofMillis(said.path("waitedMillis").asLong(0));
                return;
            }
            if (said != null && said.path("type").asText().equals("failed")) {
                throw new SqlEngineException("The SQL engine did not start: " + said.path("message").asText() + ".");
            }
            if (!process.isAlive() && announcements.isEmpty()) {
                joinReader(); // its last words on stdout say why
                if (!announcements.isEmpty()) {
                    continue;
                }
                throw new SqlEngineException(whyItStopped(settings, log, stray, "did not start"));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new SqlEngineException("The SQL engine did not start within " + START_DEADLINE.toSeconds()
                        + " s. The machine may be short of memory or busy: close other programs and try again.");
            }
            if (now > nextProgress) {
                progress.accept("Starting the SQL engine (Apache Flink)... " + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s");
                nextProgress = now + TimeUnit.SECONDS.toNanos(2);
            }
        }
    }

    private static String whyItStopped(Settings settings, Path log, String stray, String what) {
        String tail = stray;
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            tail = stray + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            // the log is a courtesy; the sentence below stands without it
        }
        if (tail.contains("OutOfMemoryError") || tail.contains("Could not reserve enough space")
                || tail.contains("Too small maximum heap") || tail.contains("Initial heap size set to a larger value")) {
            return "The SQL engine " + what + ": its JVM ran out of memory (heap " + settings.heap() + "). Close other programs, "
                    + "or give it more with " + HEAP_VARIABLE + "=512m; the lessons before the SQL part work without it.";
        }
        return "The SQL engine " + what + " (its JVM ended). Try again: streamlab starts a new engine.";
    }

    private void joinReader() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flink's version, as the engine reports it. */
    public String flinkVersion() {
        return flinkVersion;
    }

    /**
     * The certificate every port of the engine asks its clients for (mutual TLS): the learner's own way in, nobody
     * else's. Valid while the engine runs; its files go when it stops.
     */
    public EngineKeystore keystore() {
        return keystore;
    }

    /** From starting the JVM to the keystore being ready (keytool runs while the engine's JVM starts). */
    public Duration keysReadyIn() {
        return keysReadyIn;
    }

    /** How long the engine's JVM, up and reading, waited for its settings: what making the keystore added to the start. */
    public Duration waitedForKeys() {
        return waitedForKeys;
    }

    /** The SQL Gateway's REST address, such as {@code https://127.0.0.1:40123}, or empty without a gateway. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** From starting the JVM to a session that answers. */
    public Duration readyIn() {
        return readyIn;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs one statement. A query's rows go to {@code watcher} as they come; the query ends by itself, at {@code limit}
     * rows (0: none), when the watcher says it has enough, when no row came for {@code quiet} (null: wait on), or on
     * {@link #stopQuery()}.
     */
    public SqlOutcome execute(String sql, int limit, Duration quiet, Watcher watcher) {
        long id = ids.incrementAndGet();
        BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        waiting.put(id, replies);
        running = id;
        stopWanted = null;
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", id);
            request.put("op", "execute");
            request.put("sql", sql);
            request.put("limit", limit);
            send(request);
            SqlTable table = null;
            List<String> columns = List.of();
            List<String> types = List.of();
            List<SqlOutcome.Row> rows = new ArrayList<>();
            SqlOutcome.Reason cancelledFor = null;
            long lastRow = System.nanoTime();
            while (true) {
                JsonNode reply = poll(replies, 100);
                SqlOutcome.Reason wanted = stopWanted;
                if (cancelledFor == null && wanted != null) {
                    // Also before a query's first row: the engine stops it as soon as it starts. A statement that is
                    // no query (DDL, INSERT) answers soon anyway.
                    cancelledFor = cancel(id, wanted);
                }
                if (reply == null) {
                    if (!process.isAlive() && replies.isEmpty()) {
                        throw new SqlEngineException("The SQL engine stopped while it ran the statement. "
                                + "Try again: streamlab starts a new engine.");
                    }
                    if (table != null && cancelledFor == null && quiet != null
                            && System.nanoTime() - lastRow > quiet.toNanos()) {
                        cancelledFor = cancel(id, SqlOutcome.Reason.QUIET);
                    }
                    continue;
                }
                switch (reply.path("type").asText()) {
                    case "ok" -> {
                        return new SqlOutcome.Done(reply.path("message").asText());
                    }
                    case "error" -> {
                        return new SqlOutcome.Failed(reply.path("message").asText());
                    }
                    case "job" -> {
                        return new SqlOutcome.Job(reply.path("job").asText(), reply.path("name").asText(),
                                reply.path("status").asText(), strings(reply.path("replaced")));
                    }
                    case "columns" -> {
                        columns = strings(reply.path("columns"));
                        types = strings(reply.path("types"));
                        table = new SqlTable(columns, types);
                        watcher.columns(table);
                        lastRow = System.nanoTime();
                    }
                    case "row" -> {
                        SqlOutcome.Row row = new SqlOutcome.Row(reply.path("kind").asText(), strings(reply.path("values")));
                        rows.add(row);
                        lastRow = System.nanoTime();
                        if (cancelledFor == null && watcher.row(row, table, rows.size())) {
                            cancelledFor = cancel(id, SqlOutcome.Reason.ENOUGH);
                        }
                    }
                    case "end" -> {
                        String ended = reply.path("reason").asText();
                        SqlOutcome.Reason reason = switch (ended) {
                            case "limit" -> SqlOutcome.Reason.LIMIT;
                            case "failed" -> SqlOutcome.Reason.FAILED;
                            case "cancelled" -> cancelledFor == null ? SqlOutcome.Reason.STOPPED : cancelledFor;
                            default -> cancelledFor == null ? SqlOutcome.Reason.DONE : cancelledFor;
                        };
                        String detail = reply.path("message").isNull() ? "" : reply.path("message").asText("");
                        return new SqlOutcome.Rows(columns, types, rows, new SqlOutcome.Ending(reason, detail));
                    }
                    default -> {
                        // a reply this shell does not know: a newer engine; ignore it
                    }
                }
            }
        } finally {
            running = 0;
            waiting.remove(id);
        }
    }

    /** Stops the query that runs now (Ctrl-C). Safe from any thread; nothing happens when none runs. */
    public void stopQuery() {
        if (running != 0) {
            stopWanted = SqlOutcome.Reason.STOPPED;
        }
    }

    /** The {@code INSERT INTO} jobs this engine started, with their status. */
    public List<JobInfo> jobs() {
        JsonNode reply = ask(Map.of("op", "jobs"));
        if (reply.path("type").asText().equals("error")) {
            throw new SqlEngineException(reply.path("message").asText());
        }
        List<JobInfo> jobs = new ArrayList<>();
        for (JsonNode job : reply.path("jobs")) {
            jobs.add(new JobInfo(job.path("job").asText(), job.path("name").asText(), job.path("status").asText(),
                    job.path("started").asLong()));
        }
        return jobs;
    }

    /** Stops a job by its id or the id's first characters, or every job ("all"); returns what the engine said. */
    public SqlOutcome stopJob(String which) {
        JsonNode reply = ask(Map.of("op", "stop-job", "job", which));
        return reply.path("type").asText().equals("ok")
                ? new SqlOutcome.Done(reply.path("message").asText())
                : new SqlOutcome.Failed(reply.path("message").asText());
    }

    private SqlOutcome.Reason cancel(long target, SqlOutcome.Reason why) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", ids.incrementAndGet());
        request.put("op", "cancel");
        request.put("target", target);
        send(request);
        return why;
    }

    private JsonNode ask(Map<String, Object> body) {
        long id = ids.incrementAndGet();
        BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        waiting.put(id, replies);
        try {
            Map<String, Object> request = new LinkedHashMap<>(body);
            request.put("id", id);
            send(request);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                JsonNode reply = poll(replies, 100);
                if (reply != null) {
                    return reply;
                }
                if (!process.isAlive()) {
                    break;
                }
            }
            throw new SqlEngineException("The SQL engine did not answer. Try again: streamlab starts a new engine.");
        } finally {
            waiting.remove(id);
        }
    }

    private synchronized void send(Map<String, Object> request) {
        try {
            requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
        } catch (IOException e) {
            throw new SqlEngineException("The SQL engine stopped. Try again: streamlab starts a new engine.");
        }
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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

    private static JsonNode poll(BlockingQueue<JsonNode> queue, long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlEngineException("Interrupted while waiting for the SQL engine.");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    /** Stops the engine: its stdin closes, and it ends; after a few seconds it is killed. Its files are deleted. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // it is ending anyway
        }
        boolean normally = false;
        try {
            // The first engine writes its class archive as it exits: a few seconds more, once.
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                normally = process.exitValue() == 0;
            } else {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        sharing.engineEnded(normally);
        scratch.close();
    }
}
