package dev.streamlab.notebook;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.sql.SqlEngine;
import dev.streamlab.sql.SqlEngineException;
import dev.streamlab.sql.SqlOutcome;
import dev.streamlab.sql.SqlStatements;
import dev.streamlab.sql.SqlTable;
import dev.streamlab.sql.SqlText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs SQL cells on the SQL engine (Flink SQL in its own JVM), started on the lesson's cluster the first time a cell
 * needs it, or in the background as soon as a lesson with SQL opens. A cell may hold several statements; they run one
 * after another, and the first that fails ends the cell. A query shows its rows as they come and ends by itself, at
 * the row limit, once the cell's expectations hold, after a quiet spell (lesson cells), or on Ctrl-C.
 */
final class SqlCells implements AutoCloseable {

    /** The most rows a query shows before it is stopped. */
    static final int ROW_LIMIT = 100;
    /** A lesson's query stops when no row came for this long: a stream may never end. */
    static final Duration QUIET = Duration.ofSeconds(30);

    private final Cluster cluster;
    private final Consumer<SqlEngine> gatewayKnown;
    private CompletableFuture<SqlEngine> engine;
    private volatile SqlEngine current;
    private volatile boolean stopWaiting;
    /** Ctrl-C during a cell: the statements after the one that runs do not start. */
    private volatile boolean stopped;

    SqlCells(Cluster cluster, Consumer<SqlEngine> gatewayKnown) {
        this.cluster = cluster;
        this.gatewayKnown = gatewayKnown;
    }

    /** Starts the engine in the background, unless it runs or starts already. */
    synchronized void warmUp() {
        if (engine == null || (engine.isDone() && !usable(engine))) {
            if (engine != null && !engine.isCompletedExceptionally()) {
                engine.join().close(); // a dead engine's files go with it
            }
            engine = CompletableFuture.supplyAsync(() -> {
                SqlEngine started = SqlEngine.start(
                        SqlEngine.Settings.of(
                                cluster.clientConfig(), cluster.namespace().prefix()),
                        line -> {});
                current = started;
                if (!started.gatewayUrl().isEmpty()) {
                    gatewayKnown.accept(started);
                }
                return started;
            });
        }
    }

    /** The engine, once it answers; {@code progress} hears how long it has been starting. */
    private SqlEngine engine(Consumer<String> progress) {
        warmUp();
        CompletableFuture<SqlEngine> starting;
        synchronized (this) {
            starting = engine;
        }
        long started = System.nanoTime();
        boolean told = false;
        stopWaiting = false;
        while (true) {
            if (stopWaiting) {
                throw new SqlEngineException(
                        "Stopped waiting for the SQL engine. It goes on starting; run the cell again.");
            }
            try {
                return starting.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                if (!told) {
                    progress.accept("Starting the SQL engine (Apache Flink, in a JVM of its own): about 10 s, once.\n");
                    told = true;
                } else if (seconds % 5 == 0) {
                    progress.accept("  ... " + seconds + " s\n");
                }
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw cause instanceof SqlEngineException sql
                        ? sql
                        : new SqlEngineException("The SQL engine did not start: " + cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlEngineException(
                        "Stopped while the SQL engine started; it goes on starting in the background.");
            }
        }
    }

    private static boolean usable(CompletableFuture<SqlEngine> engine) {
        return !engine.isCompletedExceptionally() && engine.join().isAlive();
    }

    /**
     * Runs a cell's statements. {@code enough} says, from the output so far, that the cell's expectations hold (null:
     * the learner typed it, there are none). {@code live} sees the output as it comes.
     */
    CellOutput run(String code, Predicate<String> enough, boolean lessonCell, Consumer<String> live) {
        List<SqlStatements.Statement> statements = SqlStatements.split(code);
        StringBuilder output = new StringBuilder();
        if (statements.isEmpty()) {
            return new CellOutput(
                    JavaOutcome.EXCEPTION, "", "This cell holds no SQL statement. Write one, ending in ;");
        }
        stopped = false;
        SqlEngine sql;
        try {
            sql = engine(live);
        } catch (SqlEngineException e) {
            return new CellOutput(JavaOutcome.EXCEPTION, e.getMessage() + "\n", e.getMessage());
        }
        for (SqlStatements.Statement statement : statements) {
            if (stopped) {
                return new CellOutput(
                        JavaOutcome.STOPPED, output + "Stopped (Ctrl-C) before line " + statement.line() + ".\n", null);
            }
            java.util.OptionalInt own = SqlStatements.limit(statement.text());
            SqlOutcome outcome;
            try {
                boolean[] onlyInserts = {true};
                outcome = sql.execute(statement.text(), ROW_LIMIT, lessonCell ? QUIET : null, new SqlEngine.Watcher() {
                    @Override
                    public void columns(SqlTable table) {
                        emit(output, live, table.header());
                    }

                    @Override
                    public boolean row(SqlOutcome.Row row, SqlTable table, int count) {
                        emit(output, live, table.row(row.kind(), row.values()));
                        onlyInserts[0] &= row.kind().equals("+I");
                        // Flink's streaming LIMIT gives its rows, then its job waits for ever: its last row ends it
                        // here. A result that changes (updates, retractions) goes on until it is quiet.
                        boolean ownLimitReached = own.isPresent() && count == own.getAsInt() && onlyInserts[0];
                        return ownLimitReached || enough != null && enough.test(output + SqlText.rowCount(count));
                    }
                });
            } catch (SqlEngineException e) {
                return new CellOutput(
                        JavaOutcome.EXCEPTION, output + "[ERROR] " + e.getMessage() + "\n", e.getMessage());
            }
            if (outcome instanceof SqlOutcome.Done done) {
                emit(output, live, "[OK] " + done.message() + "\n");
            } else if (outcome instanceof SqlOutcome.Job job) {
                emit(output, live, SqlText.job(job) + "\n");
            } else if (outcome instanceof SqlOutcome.Rows found) {
                SqlOutcome.Rows rows = ownLimit(found, own);
                String table = new SqlTable(rows.columns(), rows.types()).border() + "\n";
                emit(output, live, table + SqlText.ending(rows, QUIET) + "\n");
                if (rows.ending().reason() == SqlOutcome.Reason.FAILED) {
                    return new CellOutput(
                            JavaOutcome.EXCEPTION,
                            output.toString(),
                            "Flink: " + rows.ending().detail());
                }
                if (rows.ending().reason() == SqlOutcome.Reason.STOPPED) {
                    return new CellOutput(JavaOutcome.STOPPED, output.toString(), null);
                }
            } else if (outcome instanceof SqlOutcome.Failed failed) {
                output.append("[ERROR] ").append(failed.message()).append('\n');
                String where = statements.size() > 1 ? " (the statement on line " + statement.line() + ")" : "";
                return new CellOutput(
                        JavaOutcome.EXCEPTION, output.toString(), "Flink" + where + ": " + failed.message());
            }
        }
        return new CellOutput(JavaOutcome.OK, output.toString(), null);
    }

    private static void emit(StringBuilder output, Consumer<String> live, String text) {
        output.append(text);
        live.accept(text);
    }

    /** A query stopped at its own LIMIT ended as it meant to, not at the shell's row limit. */
    private static SqlOutcome.Rows ownLimit(SqlOutcome.Rows rows, java.util.OptionalInt own) {
        boolean onlyInserts = rows.rows().stream().allMatch(r -> r.kind().equals("+I"));
        if ((rows.ending().reason() == SqlOutcome.Reason.LIMIT || rows.ending().reason() == SqlOutcome.Reason.ENOUGH)
                && own.isPresent()
                && own.getAsInt() == rows.rows().size()
                && onlyInserts) {
            return new SqlOutcome.Rows(
                    rows.columns(), rows.types(), rows.rows(), new SqlOutcome.Ending(SqlOutcome.Reason.OWN_LIMIT, ""));
        }
        return rows;
    }

    /** Ctrl-C: stops the query that runs now. */
    void stop() {
        stopWaiting = true;
        stopped = true;
        SqlEngine running = current;
        if (running != null) {
            running.stopQuery();
        }
    }

    /** The engine if it runs, without starting one. */
    java.util.Optional<SqlEngine> running() {
        SqlEngine running = current;
        return running != null && running.isAlive() ? java.util.Optional.of(running) : java.util.Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            // Closed when it has started, if it is still starting; an engine whose shell ends exits by itself.
            engine.whenComplete((started, failure) -> {
                if (started != null) {
                    started.close();
                }
            });
        }
    }

    /** What a SQL cell gave. */
    record CellOutput(JavaOutcome outcome, String output, String problem) {}
}
