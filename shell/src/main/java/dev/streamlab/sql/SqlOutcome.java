package dev.streamlab.sql;

import java.util.List;

/** What one SQL statement gave, as data: front ends draw it. */
public sealed interface SqlOutcome {

    /** A statement that changed something, such as {@code CREATE TABLE}: Flink's or the engine's short answer. */
    record Done(String message) implements SqlOutcome {}

    /** A query's rows, and why it ended. */
    record Rows(List<String> columns, List<String> types, List<Row> rows, Ending ending) implements SqlOutcome {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /** An {@code INSERT INTO} that runs as a job; {@code replaced}: the ids of running jobs of the same statement it stopped. */
    record Job(String id, String name, String status, List<String> replaced) implements SqlOutcome {
        public Job {
            replaced = List.copyOf(replaced);
        }

        public Job(String id, String name, String status) {
            this(id, name, status, List.of());
        }
    }

    /** Flink refused or failed the statement: its own message, in one line. */
    record Failed(String message) implements SqlOutcome {}

    /** One row, and the change it is ({@code +I}, {@code -U}, {@code +U}, {@code -D}). */
    record Row(String kind, List<String> values) {}

    /** Why a query stopped giving rows. */
    record Ending(Reason reason, String detail) {}

    enum Reason {
        /** The query ended by itself (a bounded read, or a result such as SHOW TABLES). */
        DONE,
        /** It gave as many rows as the shell shows at most. */
        LIMIT,
        /** It gave the rows of its own {@code LIMIT}. */
        OWN_LIMIT,
        /** What the cell waited for showed (its expectations hold). */
        ENOUGH,
        /** No row came for a while, and the caller stopped waiting. */
        QUIET,
        /** The learner stopped it (Ctrl-C). */
        STOPPED,
        /** Flink failed it while it ran. */
        FAILED
    }
}
