package dev.streamlab.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * One statement on the engine, from request to outcome. A query's rows go to the watcher as they come; the query is
 * cancelled when the watcher has enough, when no row came for {@code quiet}, or when a stop is wanted.
 */
final class StatementRun {

    private final EngineChannel channel;
    private final long id;
    private final Duration quiet;
    private final SqlEngine.Watcher watcher;
    private final Supplier<SqlOutcome.Reason> stopWanted;
    private SqlTable table;
    private List<String> columns = List.of();
    private List<String> types = List.of();
    private final List<SqlOutcome.Row> rows = new ArrayList<>();
    private SqlOutcome.Reason cancelledFor;
    private long lastRow = System.nanoTime();

    StatementRun(
            EngineChannel channel,
            long id,
            Duration quiet,
            SqlEngine.Watcher watcher,
            Supplier<SqlOutcome.Reason> stopWanted) {
        this.channel = channel;
        this.id = id;
        this.quiet = quiet;
        this.watcher = watcher;
        this.stopWanted = stopWanted;
    }

    SqlOutcome run(String sql, int limit) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("op", "execute");
        request.put("sql", sql);
        request.put("limit", limit);
        channel.send(request);
        BlockingQueue<JsonNode> replies = channel.replies(id);
        while (true) {
            JsonNode reply = EngineChannel.poll(replies, 100);
            SqlOutcome.Reason wanted = stopWanted.get();
            if (cancelledFor == null && wanted != null) {
                // Also before a query's first row: the engine stops it as soon as it starts. A statement that is
                // no query (DDL, INSERT) answers soon anyway.
                cancel(wanted);
            }
            if (reply == null) {
                if (!channel.engineAlive() && replies.isEmpty()) {
                    throw new SqlEngineException("The SQL engine stopped while it ran the statement. "
                            + "Try again: streamlab starts a new engine.");
                }
                if (table != null
                        && cancelledFor == null
                        && quiet != null
                        && System.nanoTime() - lastRow > quiet.toNanos()) {
                    cancel(SqlOutcome.Reason.QUIET);
                }
                continue;
            }
            SqlOutcome outcome = take(reply);
            if (outcome != null) {
                return outcome;
            }
        }
    }

    /** The outcome when {@code reply} ends the statement; null while it goes on. */
    private SqlOutcome take(JsonNode reply) {
        switch (reply.path("type").asText()) {
            case "ok" -> {
                return new SqlOutcome.Done(reply.path("message").asText());
            }
            case "error" -> {
                return new SqlOutcome.Failed(reply.path("message").asText());
            }
            case "job" -> {
                return new SqlOutcome.Job(
                        reply.path("job").asText(),
                        reply.path("name").asText(),
                        reply.path("status").asText(),
                        EngineChannel.strings(reply.path("replaced")));
            }
            case "columns" -> {
                columns = EngineChannel.strings(reply.path("columns"));
                types = EngineChannel.strings(reply.path("types"));
                table = new SqlTable(columns, types);
                watcher.columns(table);
                lastRow = System.nanoTime();
            }
            case "row" -> {
                SqlOutcome.Row row =
                        new SqlOutcome.Row(reply.path("kind").asText(), EngineChannel.strings(reply.path("values")));
                rows.add(row);
                lastRow = System.nanoTime();
                if (cancelledFor == null && watcher.row(row, table, rows.size())) {
                    cancel(SqlOutcome.Reason.ENOUGH);
                }
            }
            case "end" -> {
                return end(reply);
            }
            default -> {
                // a reply this shell does not know: a newer engine; ignore it
            }
        }
        return null;
    }

    private SqlOutcome.Rows end(JsonNode reply) {
        SqlOutcome.Reason reason = switch (reply.path("reason").asText()) {
            case "limit" -> SqlOutcome.Reason.LIMIT;
            case "failed" -> SqlOutcome.Reason.FAILED;
            case "cancelled" -> cancelledFor == null ? SqlOutcome.Reason.STOPPED : cancelledFor;
            default -> cancelledFor == null ? SqlOutcome.Reason.DONE : cancelledFor;
        };
        String detail =
                reply.path("message").isNull() ? "" : reply.path("message").asText("");
        return new SqlOutcome.Rows(columns, types, rows, new SqlOutcome.Ending(reason, detail));
    }

    private void cancel(SqlOutcome.Reason why) {
        channel.cancel(id);
        cancelledFor = why;
    }
}
