package dev.streamlab.sqlengine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the shell's requests in one Flink SQL session.
 * <ul>
 * <li>{@code execute} (sql, limit): one statement. Replies {@code ok} (message), or for a query {@code columns}, then a
 * {@code row} each (kind, values), then {@code end} (reason: done, limit, cancelled, failed), or for {@code INSERT INTO}
 * a {@code job} (job, name), or {@code error} (message). Statements run one after another on one thread; a query's
 * rows come from a thread of their own, so a new statement can be submitted while a query runs.</li>
 * <li>{@code cancel} (target): stops the query that request {@code target} started. Replies {@code ok}.</li>
 * <li>{@code jobs}: the {@code INSERT INTO} jobs and their status. Replies {@code jobs}.</li>
 * <li>{@code stop-job} (job: an id, its first characters, or "all"). Replies {@code ok} or {@code error}.</li>
 * </ul>
 */
final class Statements {

    private final ExecutorService worker;
    private final TableEnvironmentInternal tables;
    private final MiniCluster cluster;
    private final KafkaTableOptions kafka;
    private final boolean bounded;
    private final Replies replies;
    private final Map<Long, RunningQuery> queries = new ConcurrentHashMap<>();
    /** Queries cancelled before they started giving rows: they stop as soon as they start. */
    private final java.util.Set<Long> cancelledEarly = ConcurrentHashMap.newKeySet();
    /** The INSERT INTO jobs, in the order they started, with the statement's name. */
    private final Map<JobID, String> jobs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private Statements(
            ExecutorService worker,
            TableEnvironment tables,
            MiniCluster cluster,
            KafkaTableOptions kafka,
            boolean bounded,
            Replies replies) {
        this.worker = worker;
        this.tables = (TableEnvironmentInternal) tables;
        this.cluster = cluster;
        this.kafka = kafka;
        this.bounded = bounded;
        this.replies = replies;
    }

    /**
     * A session whose statements all run on one thread, the one that created it: Flink's planner keeps per-thread state
     * (Calcite's metadata providers), and a statement planned on another thread fails with "metadataHandlerProvider".
     */
    static Statements open(
            Configuration conf, MiniCluster cluster, KafkaTableOptions kafka, boolean bounded, Replies replies)
            throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon("sql-statements"));
        TableEnvironment tables = worker.submit(() -> {
                    TableEnvironment created = TableEnvironment.create(EnvironmentSettings.newInstance()
                            .inStreamingMode()
                            .withConfiguration(conf)
                            .build());
                    created.loadModule("streamlab", new LessonConnectors(kafka));
                    // A first, trivial job makes the session really ready: planner, code generation and the cluster
                    // warm.
                    try (var rows = created.executeSql("SELECT 1").collect()) {
                        rows.forEachRemaining(row -> {});
                    }
                    return created;
                })
                .get();
        return new Statements(worker, tables, cluster, kafka, bounded, replies);
    }

    void handle(JsonNode request) {
        long id = request.path("id").asLong();
        String op = request.path("op").asText();
        switch (op) {
            case "execute" ->
                worker.submit(() -> execute(
                        id, request.path("sql").asText(), request.path("limit").asInt(0)));
            case "cancel" -> cancel(id, request.path("target").asLong());
            case "jobs" -> listJobs(id);
            case "stop-job" -> stopJob(id, request.path("job").asText());
            default -> replies.send(id, "error", "message", "The engine knows no request '" + op + "'.");
        }
    }

    private void execute(long id, String sql, int limit) {
        try {
            List<Operation> operations = tables.getParser().parse(sql);
            if (operations.size() != 1) {
                replies.send(id, "error", "message", "Send one statement at a time.");
                return;
            }
            Operation operation = operations.get(0);
            java.util.Optional<String> refused = Refusals.of(operation, Statements.class.getClassLoader());
            if (refused.isPresent()) {
                replies.send(id, "error", "message", refused.get());
                return;
            }
            String kind = operation.getClass().getSimpleName();
            if (kind.equals("CreateTableASOperation") || kind.equals("ReplaceTableAsOperation")) {
                replies.send(
                        id,
                        "error",
                        "message",
                        "CREATE TABLE ... AS SELECT is not run here: declare the table with "
                                + "CREATE TABLE (its columns and its topic), then fill it with INSERT INTO ... SELECT.");
                return;
            }
            if (operation instanceof CreateTableOperation create) {
                createTable(id, create);
            } else if (operation instanceof QueryOperation) {
                query(id, tables.executeInternal(operation), limit);
            } else if (operation instanceof ModifyOperation) {
                submit(id, operation, sql);
            } else {
                TableResult result = tables.executeInternal(operation);
                if (result.getResultKind() == org.apache.flink.table.api.ResultKind.SUCCESS) {
                    replies.send(id, "ok", "message", "OK");
                } else {
                    query(id, result, limit);
                }
            }
        } catch (Throwable e) {
            replies.send(id, "error", "message", ErrorLine.of(e));
            e.printStackTrace();
        }
    }

    private void createTable(long id, CreateTableOperation create) {
        ObjectIdentifier name = create.getTableIdentifier();
        var table = create.getCatalogTable();
        var options = kafka.complete(name.getObjectName(), table.getOptions());
        boolean exists = tables.getCatalogManager().getTable(name).isPresent();
        if (exists && create.isIgnoreIfExists()) {
            replies.send(id, "ok", "message", "Table " + name.getObjectName() + " exists already; kept as it is.");
            return;
        }
        if (exists) {
            // A learner who edits a CREATE TABLE and runs it again means the new definition.
            tables.executeSql(
                    "DROP " + (create.isTemporary() ? "TEMPORARY " : "") + "TABLE " + name.asSerializableString());
        }
        tables.executeInternal(new CreateTableOperation(name, table.copy(options), false, create.isTemporary()));
        replies.send(id, "ok", "message", "Table " + name.getObjectName() + (exists ? " replaced." : " created."));
    }

    private void submit(long id, Operation operation, String sql) throws Exception {
        String name = summary(sql);
        List<String> replaced = stopJobsNamed(name);
        tables.getConfig().getConfiguration().setString("pipeline.name", name);
        TableResult result;
        try {
            result = tables.executeInternal(operation);
        } finally {
            tables.getConfig().getConfiguration().removeConfig(org.apache.flink.configuration.PipelineOptions.NAME);
        }
        var job = result.getJobClient().orElseThrow(() -> new IllegalStateException("The statement started no job."));
        jobs.put(job.getJobID(), name);
        if (bounded) {
            // A headless run: every Kafka source reads up to where it was at submit time, then ends.
            try {
                result.await(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException e) {
                job.cancel();
                replies.send(
                        id,
                        "error",
                        "message",
                        "The job of " + name + " did not end within 10 minutes: a table it "
                                + "reads never ends (a Kafka table ends at the topic's end; datagen needs 'number-of-rows').");
                return;
            }
        }
        replies.send(
                id,
                "job",
                "job",
                job.getJobID().toString(),
                "name",
                name,
                "status",
                bounded ? "FINISHED" : "RUNNING",
                "replaced",
                replaced);
    }

    /**
     * Stops the running jobs with this name: a learner who runs an INSERT INTO cell again means the edited statement,
     * not a second job writing the same rows again.
     */
    private List<String> stopJobsNamed(String name) throws Exception {
        List<String> stopped = new ArrayList<>();
        List<JobID> same = new ArrayList<>();
        synchronized (jobs) {
            jobs.forEach((job, jobName) -> {
                if (jobName.equals(name)) {
                    same.add(job);
                }
            });
        }
        for (JobID job : same) {
            if (!cluster.getJobStatus(job).get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
                cluster.cancelJob(job).get(10, TimeUnit.SECONDS);
                stopped.add(job.toString());
            }
        }
        return stopped;
    }

    private void query(long id, TableResult result, int limit) {
        List<String> columns = result.getResolvedSchema().getColumnNames();
        List<String> types = result.getResolvedSchema().getColumnDataTypes().stream()
                .map(Object::toString)
                .toList();
        replies.send(id, "columns", "columns", columns, "types", types);
        CloseableIterator<Row> rows = result.collect();
        RunningQuery running = new RunningQuery(rows);
        queries.put(id, running);
        if (cancelledEarly.remove(id)) {
            cancel(0, id);
        }
        Thread reader = new Thread(
                () -> {
                    int count = 0;
                    String reason = "done";
                    String error = null;
                    try (rows) {
                        while (rows.hasNext()) {
                            Row row = rows.next();
                            replies.send(id, "row", "kind", row.getKind().shortString(), "values", values(row));
                            if (++count == limit) {
                                reason = "limit";
                                break;
                            }
                        }
                    } catch (Throwable e) {
                        if (running.cancelled) {
                            reason = "cancelled";
                        } else {
                            reason = "failed";
                            error = ErrorLine.of(e);
                            e.printStackTrace();
                        }
                    } finally {
                        queries.remove(id);
                    }
                    if (running.cancelled) {
                        reason = "cancelled";
                    }
                    replies.send(id, "end", "reason", reason, "rows", count, "message", error);
                },
                "sql-query-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    private void cancel(long id, long target) {
        RunningQuery running = queries.get(target);
        if (running == null) {
            cancelledEarly.add(target); // its rows have not started: stop it when they do
        }
        if (running != null) {
            running.cancelled = true;
            try {
                running.rows.close(); // closing the result cancels its job
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        if (id != 0) {
            replies.send(id, "ok", "message", running == null ? "No query runs yet." : "Stopped.");
        }
    }

    private void listJobs(long id) {
        try {
            Map<JobID, JobStatusMessage> known = new LinkedHashMap<>();
            for (JobStatusMessage job : cluster.listJobs().get(10, TimeUnit.SECONDS)) {
                known.put(job.getJobId(), job);
            }
            List<Map<String, Object>> list = new ArrayList<>();
            synchronized (jobs) {
                jobs.forEach((job, name) -> {
                    JobStatusMessage status = known.get(job);
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("job", job.toString());
                    entry.put("name", name);
                    entry.put(
                            "status",
                            status == null ? "UNKNOWN" : status.getJobState().toString());
                    entry.put("started", status == null ? 0 : status.getStartTime());
                    list.add(entry);
                });
            }
            replies.send(id, "jobs", "jobs", list);
        } catch (Exception e) {
            replies.send(id, "error", "message", ErrorLine.of(e));
        }
    }

    private void stopJob(long id, String which) {
        List<JobID> chosen = new ArrayList<>();
        synchronized (jobs) {
            for (JobID job : jobs.keySet()) {
                if (which.equals("all") || (!which.isBlank() && job.toString().startsWith(which))) {
                    chosen.add(job);
                }
            }
        }
        if (chosen.isEmpty()) {
            replies.send(id, "error", "message", "No job " + which + ". /jobs lists them.");
            return;
        }
        if (chosen.size() > 1 && !which.equals("all")) {
            replies.send(id, "error", "message", "Several jobs start with " + which + ": give more of the id.");
            return;
        }
        List<String> stopped = new ArrayList<>();
        try {
            for (JobID job : chosen) {
                JobStatus status = cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
                if (!status.isGloballyTerminalState()) {
                    cluster.cancelJob(job).get(10, TimeUnit.SECONDS);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!cluster.getJobStatus(job).get(10, TimeUnit.SECONDS).isGloballyTerminalState()
                            && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    }
                    stopped.add(job.toString());
                }
            }
            replies.send(
                    id,
                    "ok",
                    "message",
                    stopped.isEmpty() ? "No job was running." : "Stopped " + String.join(", ", stopped) + ".");
        } catch (Exception e) {
            replies.send(id, "error", "message", ErrorLine.of(e));
        }
    }

    /** Times as Flink's SQL client prints them; the session's time zone is UTC. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getArity(); i++) {
            Object value = row.getField(i);
            values.add(
                    value == null
                            ? null
                            : value instanceof Instant instant
                                    ? TIME.format(instant.atOffset(java.time.ZoneOffset.UTC))
                                    : value instanceof LocalDateTime time ? TIME.format(time) : String.valueOf(value));
        }
        return values;
    }

    /** A job's name: the statement's first words, e.g. "INSERT INTO possible_fraud_sql". */
    static String summary(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        String[] words = flat.split(" ");
        int n = Math.min(words.length, 3);
        return String.join(" ", java.util.Arrays.copyOf(words, n));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class RunningQuery {
        final CloseableIterator<Row> rows;
        volatile boolean cancelled;

        RunningQuery(CloseableIterator<Row> rows) {
            this.rows = rows;
        }
    }
}
