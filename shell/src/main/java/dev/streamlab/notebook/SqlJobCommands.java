package dev.streamlab.notebook;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.sql.SqlEngine;
import dev.streamlab.sql.SqlOutcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code /jobs}: the SQL jobs ({@code INSERT INTO}) that run in the SQL engine, and stopping them. */
final class SqlJobCommands {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private SqlJobCommands() {}

    static void addTo(PromptCommands commands, SqlCells sql) {
        commands.add(new PromptCommand(
                "/jobs",
                "/jobs [stop ID|all]",
                "The SQL jobs (INSERT INTO) and their status; `/jobs stop ID` stops one (the first characters of its id are enough).",
                PromptCommand.Where.NEEDS_SQL,
                before -> before.isEmpty() ? List.of("stop") : before.size() == 1 ? List.of("all") : List.of(),
                args -> Drawing.text(jobs(sql, args))));
    }

    private static String jobs(SqlCells sql, List<String> args) {
        if (!args.isEmpty() && !(args.get(0).equals("stop") && args.size() == 2)) {
            throw new CommandException(
                    "Say /jobs to list the SQL jobs, or /jobs stop ID (or /jobs stop all) to stop them.");
        }
        SqlEngine engine = sql.running().orElse(null);
        if (engine == null) {
            return "No SQL job runs: the SQL engine has not started. An INSERT INTO in a SQL cell starts a job.";
        }
        if (!args.isEmpty()) {
            SqlOutcome stopped = engine.stopJob(args.get(1));
            if (stopped instanceof SqlOutcome.Failed failed) {
                throw new CommandException(failed.message());
            }
            return ((SqlOutcome.Done) stopped).message();
        }
        List<SqlEngine.JobInfo> jobs = engine.jobs();
        if (jobs.isEmpty()) {
            return "No SQL job has started. An INSERT INTO in a SQL cell starts one.";
        }
        StringBuilder out =
                new StringBuilder(String.format("%-8s  %-9s  %-8s  %s%n", "JOB", "STATUS", "STARTED", "STATEMENT"));
        for (SqlEngine.JobInfo job : jobs) {
            out.append(String.format(
                    "%-8s  %-9s  %-8s  %s%n",
                    job.id().substring(0, Math.min(8, job.id().length())),
                    job.status(),
                    job.startedMillis() > 0 ? CLOCK.format(Instant.ofEpochMilli(job.startedMillis())) : "",
                    job.name()));
        }
        return out.toString();
    }
}
