package dev.streamlab.sql;

/** The lines that say how a SQL statement ended, the same in a lesson's cell and in {@code streamlab sql}. */
public final class SqlText {

    private SqlText() {}

    public static String rowCount(int count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** The line under a query's table. {@code quiet} is how long a quiet query is waited for, when it is. */
    public static String ending(SqlOutcome.Rows rows, java.time.Duration quiet) {
        int n = rows.rows().size();
        return switch (rows.ending().reason()) {
            case DONE -> "Received a total of " + rowCount(n) + ".";
            case LIMIT ->
                "Stopped at " + rowCount(n) + ", the most shown at once. Add a LIMIT or a WHERE to see others.";
            case OWN_LIMIT -> "Received a total of " + rowCount(n) + " (the query's LIMIT).";
            case ENOUGH -> rowCount(n) + " so far; the query stopped when the cell's checks held.";
            case QUIET ->
                rowCount(n) + ". No new row for " + quiet.toSeconds()
                        + " s, so the query was stopped: a stream never ends by itself.";
            case STOPPED -> "Stopped (Ctrl-C) after " + rowCount(n) + ".";
            case FAILED ->
                "The query failed after " + rowCount(n) + ": " + rows.ending().detail();
        };
    }

    /** What an {@code INSERT INTO} gave: a job that runs on, or one that ran to its end (a headless run). */
    public static String job(SqlOutcome.Job job) {
        String shortId = job.id().substring(0, Math.min(8, job.id().length()));
        if (job.status().equals("FINISHED")) {
            return "[OK] Job " + shortId + " (" + job.name() + ") ran to its end.";
        }
        String replaced = job.replaced().isEmpty()
                ? ""
                : " It replaces job "
                        + String.join(
                                ", ",
                                job.replaced().stream()
                                        .map(r -> r.substring(0, Math.min(8, r.length())))
                                        .toList())
                        + " of the same statement, now stopped.";
        return "[OK] Job " + shortId + " started: " + job.name() + "." + replaced
                + " It runs until you stop it: /jobs lists it, /jobs stop " + shortId + " stops it.";
    }
}
