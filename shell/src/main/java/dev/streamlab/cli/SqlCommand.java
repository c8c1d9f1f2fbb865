package dev.streamlab.cli;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.files.ProjectRoot;
import dev.streamlab.sql.SqlEngine;
import dev.streamlab.sql.SqlEngineException;
import dev.streamlab.sql.SqlOutcome;
import dev.streamlab.sql.SqlStatements;
import dev.streamlab.sql.SqlTable;
import dev.streamlab.sql.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab sql FILE}: runs a file of SQL statements on Flink SQL against a cluster, headless, and exits. */
@Command(
        name = "sql",
        description = {
            "Run a file of SQL statements on the SQL engine (Apache Flink SQL) against a cluster, and exit with the result.",
            "Kafka tables get the cluster's address, and read their topics up to where they end now, so every statement ends.",
            "Results go to stdout; progress and errors to stderr. Exits 1 when a statement fails."
        })
public final class SqlCommand implements Callable<Integer> {

    /** A file of statements is small; anything bigger is not what the learner meant to run. */
    static final long MAX_FILE_BYTES = 1_000_000;

    static final String ATTEMPTS_TOPIC = "authorization_attempts";
    /** A headless query that gives no row for this long reads a table that never ends. */
    static final java.time.Duration QUIET = java.time.Duration.ofSeconds(60);

    @Parameters(
            paramLabel = "FILE",
            description = "A file of SQL statements, each ending in ;, e.g. lessons/sql/possible-fraud.sql.")
    Path file;

    @Option(
            names = "--demo-data",
            description = "First load the demo data's authorization attempts into " + ATTEMPTS_TOPIC
                    + " (a topic of one partition, created when missing), as lesson 05 does.")
    boolean demoData;

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = Output.of(spec);
        String sql;
        try {
            sql = read(file);
        } catch (IllegalArgumentException e) {
            output.error(e.getMessage());
            return ExitCode.USAGE;
        }
        List<SqlStatements.Statement> statements = SqlStatements.split(sql);
        if (statements.isEmpty()) {
            output.error(file + " holds no SQL statement. Write statements that end in ;, e.g. SELECT 1;");
            return ExitCode.USAGE;
        }
        Path attempts = ProjectRoot.find().resolve("demo-data/authorization-attempts.jsonl");
        if (demoData && !Files.isRegularFile(attempts)) {
            output.error("There is no " + attempts + ". Run streamlab from the workshop's folder.");
            return ExitCode.USAGE;
        }
        try (Cluster cluster = LessonClusters.start(clusterOptions, brokerCount.brokers(), output::progress)) {
            if (demoData) {
                output.progress("Loading " + loadAttempts(cluster, attempts) + " demo attempts into " + ATTEMPTS_TOPIC);
            }
            output.progress("Starting the SQL engine (Apache Flink, in a JVM of its own)");
            try (SqlEngine engine = SqlEngine.start(
                    SqlEngine.Settings.of(
                                    cluster.clientConfig(), cluster.namespace().prefix())
                            .headless(),
                    output::progress)) {
                output.progress("SQL engine ready in "
                        + String.format("%.1f s", engine.readyIn().toMillis() / 1000.0) + " (Flink "
                        + engine.flinkVersion() + ")");
                return run(engine, statements, output);
            }
        } catch (SqlEngineException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
    }

    private int run(SqlEngine engine, List<SqlStatements.Statement> statements, Output output) {
        for (SqlStatements.Statement statement : statements) {
            output.progress("Line " + statement.line() + ": "
                    + statement.written().lines().findFirst().orElse(""));
            SqlOutcome outcome = engine.execute(statement.text(), 0, QUIET, new SqlEngine.Watcher() {
                @Override
                public void columns(SqlTable table) {
                    output.out().print(table.header());
                    output.out().flush();
                }

                @Override
                public boolean row(SqlOutcome.Row row, SqlTable table, int count) {
                    output.out().print(table.row(row.kind(), row.values()));
                    output.out().flush();
                    return false;
                }
            });
            if (outcome instanceof SqlOutcome.Failed failed) {
                output.error(file + ", the statement on line " + statement.line() + ": " + failed.message());
                return ExitCode.CHECK_FAILED;
            }
            if (outcome instanceof SqlOutcome.Done done) {
                output.result("[OK] " + done.message());
            } else if (outcome instanceof SqlOutcome.Job job) {
                output.result(SqlText.job(job));
            } else if (outcome instanceof SqlOutcome.Rows rows) {
                output.result(new SqlTable(rows.columns(), rows.types()).border());
                output.result(SqlText.ending(rows, QUIET));
                if (rows.ending().reason() == SqlOutcome.Reason.FAILED) {
                    return ExitCode.CHECK_FAILED;
                }
                if (rows.ending().reason() == SqlOutcome.Reason.QUIET) {
                    output.error(file + ", the statement on line " + statement.line()
                            + " did not end: a table it reads never "
                            + "ends (a Kafka table ends at the topic's end; datagen needs 'number-of-rows').");
                    return ExitCode.CHECK_FAILED;
                }
            }
        }
        return ExitCode.OK;
    }

    /** The file's text, or a sentence saying why it cannot be run. */
    static String read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("There is no file " + file
                    + ". Name a file of SQL statements, e.g. lessons/sql/possible-fraud.sql.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is not a file. Name a file of SQL statements, e.g. lessons/sql/possible-fraud.sql.");
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(
                        file + " is larger than 1 MB: that is not a file of SQL statements.");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    /** Loads the demo attempts, keyed by card, into a one-partition topic (Flink's watermark is per partition). */
    private static int loadAttempts(Cluster cluster, Path attempts)
            throws IOException, InterruptedException, ExecutionException {
        String topic = cluster.namespace().real(ATTEMPTS_TOPIC);
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        List<String> lines = Files.readAllLines(attempts, StandardCharsets.UTF_8);
        Map<String, Object> config = new java.util.HashMap<>(cluster.clientConfig());
        config.put("linger.ms", 20);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(
                        topic, json.readTree(line).path("card_number").asText(), line));
            }
            producer.flush();
        }
        return lines.size();
    }
}
