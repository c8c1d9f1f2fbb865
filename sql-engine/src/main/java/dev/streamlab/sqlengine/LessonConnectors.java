package dev.streamlab.sqlengine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.module.Module;

/**
 * The one door every table of the session goes through when a statement uses it: Flink asks a loaded module's table
 * factory before it looks a connector up by name. Here a table's options are final, however they were set (its
 * {@code CREATE TABLE}, an {@code ALTER TABLE ... SET}, a {@code /*+ OPTIONS(...) *}{@code /} hint), so this is where
 * (1) only the connectors the lessons use are allowed, none that reaches files, and (2) a Kafka table gets the
 * cluster's settings and, in a class, its topic and group inside the learner's prefix. The connector's own factory,
 * found by name as Flink would, then makes the source or sink.
 */
final class LessonConnectors implements Module, DynamicTableSourceFactory, DynamicTableSinkFactory {

    /** What the lessons use: Kafka, and Flink's generator and sinks that touch nothing outside the engine. */
    static final Set<String> ALLOWED = Set.of("kafka", "upsert-kafka", "datagen", "print", "blackhole");

    private final KafkaTableOptions kafka;

    LessonConnectors(KafkaTableOptions kafka) {
        this.kafka = kafka;
    }

    /** Why a table with these options is not run here, or empty when it is. */
    static Optional<String> refusal(Map<String, String> options) {
        String connector = options.getOrDefault("connector", "");
        if (ALLOWED.contains(connector)) {
            return Optional.empty();
        }
        String kinds =
                "a table reads or writes Kafka ('kafka', 'upsert-kafka'), or is 'datagen', 'print' or 'blackhole'.";
        return Optional.of(
                connector.isEmpty()
                        ? "A table needs a 'connector' here: " + kinds
                        : "The connector '" + connector + "' is not available here: " + kinds);
    }

    @Override
    public Optional<DynamicTableSourceFactory> getTableSourceFactory() {
        return Optional.of(this);
    }

    @Override
    public Optional<DynamicTableSinkFactory> getTableSinkFactory() {
        return Optional.of(this);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(DynamicTableFactory.Context context) {
        FactoryUtil.DefaultDynamicTableContext completed = completed(context);
        return FactoryUtil.discoverFactory(
                        context.getClassLoader(), DynamicTableSourceFactory.class, connector(completed))
                .createDynamicTableSource(completed);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(DynamicTableFactory.Context context) {
        FactoryUtil.DefaultDynamicTableContext completed = completed(context);
        return FactoryUtil.discoverFactory(
                        context.getClassLoader(), DynamicTableSinkFactory.class, connector(completed))
                .createDynamicTableSink(completed);
    }

    private FactoryUtil.DefaultDynamicTableContext completed(DynamicTableFactory.Context context) {
        Map<String, String> options = context.getCatalogTable().getOptions();
        refusal(options).ifPresent(why -> {
            throw new ValidationException(why);
        });
        Map<String, String> complete =
                kafka.complete(context.getObjectIdentifier().getObjectName(), options);
        return new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(),
                context.getCatalogTable().copy(complete),
                context.getEnrichmentOptions(),
                context.getConfiguration(),
                context.getClassLoader(),
                context.isTemporary());
    }

    private static String connector(DynamicTableFactory.Context context) {
        return context.getCatalogTable().getOptions().get("connector");
    }

    @Override
    public String factoryIdentifier() {
        return "streamlab-lesson-connectors";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }
}
