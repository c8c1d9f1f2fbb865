package dev.streamlab.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.jvm.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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

    /**
     * How to start the engine.
     *
     * @param kafka the cluster's client settings (bootstrap.servers, and security settings on a secure cluster)
     * @param topicPrefix the learner's prefix in a class, or empty
     * @param bounded Kafka tables read up to their end at submit time, so that every statement ends ({@code streamlab sql})
     * @param gateway start Flink's SQL Gateway (REST) beside the session
     * @param heap the engine JVM's heap, such as {@code 256m}
     */
    public record Settings(
            Map<String, String> kafka, String topicPrefix, boolean bounded, boolean gateway, String heap) {

        public Settings {
            kafka = Map.copyOf(kafka);
        }

        public static Settings of(Map<String, ?> clientConfig, String topicPrefix) {
            Map<String, String> kafka = new LinkedHashMap<>();
            clientConfig.forEach((k, v) -> kafka.put(k, String.valueOf(v)));
            String heap = System.getenv(HEAP_VARIABLE);
            return new Settings(
                    kafka, topicPrefix, false, true, heap == null || heap.isBlank() ? DEFAULT_HEAP : heap.strip());
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
        default void columns(SqlTable table) {}

        /** A row came; return true when it is enough (the query is then stopped). */
        default boolean row(SqlOutcome.Row row, SqlTable table, int count) {
            return false;
        }
    }

    /** An {@code INSERT INTO} job the engine knows, with its status. */
    public record JobInfo(String id, String name, String status, long startedMillis) {}

    private final Process process;
    private final ScratchDirectory scratch;
    private final EngineChannel channel;
    private final EngineClassSharing sharing;
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
        this.channel = new EngineChannel(process);
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
            throw e instanceof SqlEngineException sql
                    ? sql
                    : new SqlEngineException("The SQL engine's folder " + scratch.path() + " cannot be made private: "
                            + e.getMessage() + ".");
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
            engine.channel.send(configLine(settings, engine.keystore));
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
            JsonNode said = channel.announcement(200);
            if (said != null && said.path("type").asText().equals("ready")) {
                readyIn = Duration.ofNanos(System.nanoTime() - started);
                gatewayUrl = said.path("gateway").asText("");
                flinkVersion = said.path("flinkVersion").asText("");
                waitedForKeys = Duration.ofMillis(said.path("waitedMillis").asLong(0));
                return;
            }
            if (said != null && said.path("type").asText().equals("failed")) {
                throw new SqlEngineException(
                        "The SQL engine did not start: " + said.path("message").asText() + ".");
            }
            if (!process.isAlive() && !channel.hasAnnouncements()) {
                channel.awaitLastWords(); // its last words on stdout say why
                if (channel.hasAnnouncements()) {
                    continue;
                }
                throw new SqlEngineException(whyItStopped(settings, log, channel.stray(), "did not start"));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new SqlEngineException("The SQL engine did not start within " + START_DEADLINE.toSeconds()
                        + " s. The machine may be short of memory or busy: close other programs and try again.");
            }
            if (now > nextProgress) {
                progress.accept("Starting the SQL engine (Apache Flink)... "
                        + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s");
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
        if (tail.contains("OutOfMemoryError")
                || tail.contains("Could not reserve enough space")
                || tail.contains("Too small maximum heap")
                || tail.contains("Initial heap size set to a larger value")) {
            return "The SQL engine " + what + ": its JVM ran out of memory (heap " + settings.heap()
                    + "). Close other programs, " + "or give it more with " + HEAP_VARIABLE
                    + "=512m; the lessons before the SQL part work without it.";
        }
        return "The SQL engine " + what + " (its JVM ended). Try again: streamlab starts a new engine.";
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
        long id = channel.open();
        running = id;
        stopWanted = null;
        try {
            return new StatementRun(channel, id, quiet, watcher, () -> stopWanted).run(sql, limit);
        } finally {
            running = 0;
            channel.forget(id);
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
        JsonNode reply = channel.ask(Map.of("op", "jobs"));
        if (reply.path("type").asText().equals("error")) {
            throw new SqlEngineException(reply.path("message").asText());
        }
        List<JobInfo> jobs = new ArrayList<>();
        for (JsonNode job : reply.path("jobs")) {
            jobs.add(new JobInfo(
                    job.path("job").asText(),
                    job.path("name").asText(),
                    job.path("status").asText(),
                    job.path("started").asLong()));
        }
        return jobs;
    }

    /** Stops a job by its id or the id's first characters, or every job ("all"); returns what the engine said. */
    public SqlOutcome stopJob(String which) {
        JsonNode reply = channel.ask(Map.of("op", "stop-job", "job", which));
        return reply.path("type").asText().equals("ok")
                ? new SqlOutcome.Done(reply.path("message").asText())
                : new SqlOutcome.Failed(reply.path("message").asText());
    }

    /** Stops the engine: its stdin closes, and it ends; after a few seconds it is killed. Its files are deleted. */
    @Override
    public void close() {
        channel.closeRequests();
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
