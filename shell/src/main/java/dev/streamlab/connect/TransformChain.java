package dev.streamlab.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A chain of single message transforms built from the same keys a connector's configuration uses
 * ({@code transforms}, {@code transforms.NAME.type}, {@code transforms.NAME.predicate},
 * {@code transforms.NAME.negate}, {@code predicates}, {@code predicates.NAME.type}, ...), so what a learner
 * tries here works unchanged on a running connector.
 *
 * <p>Connect builds the same chain inside a worker from its plugin registry, which scans the whole classpath
 * (seconds); this builds it from the named classes directly, so it is ready in milliseconds.
 */
public final class TransformChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private record Stage<R extends ConnectRecord<R>>(
            String name, Transformation<R> transformation, Predicate<R> predicate, boolean negate) {
        R apply(R record) {
            if (predicate != null && predicate.test(record) == negate) {
                return record;
            }
            return transformation.apply(record);
        }
    }

    private final List<Stage<R>> stages;

    private TransformChain(List<Stage<R>> stages) {
        this.stages = stages;
    }

    /** Builds the chain; a bad class or setting raises a {@link ConfigException} that names the key. */
    public static <R extends ConnectRecord<R>> TransformChain<R> fromConfig(Map<String, String> config) {
        Map<String, Predicate<R>> predicates = new HashMap<>();
        for (String name : names(config.get("predicates"))) {
            predicates.put(name, instantiate(config, "predicates." + name, Predicate.class));
        }
        List<Stage<R>> stages = new ArrayList<>();
        for (String name : names(config.get("transforms"))) {
            String prefix = "transforms." + name;
            Transformation<R> transformation = instantiate(config, prefix, Transformation.class);
            String predicateName = config.get(prefix + ".predicate");
            Predicate<R> predicate = null;
            if (predicateName != null && !predicateName.isBlank()) {
                predicate = predicates.get(predicateName.trim());
                if (predicate == null) {
                    throw new ConfigException(
                            prefix + ".predicate",
                            predicateName,
                            "No predicate of that name; list it in 'predicates' and give it a 'predicates."
                                    + predicateName.trim() + ".type'.");
                }
            }
            boolean negate = Boolean.parseBoolean(config.getOrDefault(prefix + ".negate", "false"));
            stages.add(new Stage<>(name, transformation, predicate, negate));
        }
        return new TransformChain<>(stages);
    }

    /** The transformed record, or {@code null} when a transform (such as {@code Filter}) dropped it. */
    public R apply(R record) {
        R current = record;
        for (Stage<R> stage : stages) {
            current = stage.apply(current);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @Override
    public void close() {
        stages.forEach(s -> {
            s.transformation().close();
            if (s.predicate() != null) {
                s.predicate().close();
            }
        });
    }

    private static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T instantiate(Map<String, String> config, String prefix, Class<?> kind) {
        String typeKey = prefix + ".type";
        String className = config.get(typeKey);
        if (className == null || className.isBlank()) {
            throw new ConfigException(
                    typeKey,
                    null,
                    "Missing: say which class to use, e.g. "
                            + (kind == Predicate.class
                                    ? "org.apache.kafka.connect.transforms.predicates.HasHeaderKey"
                                    : "org.apache.kafka.connect.transforms.ReplaceField$Value")
                            + ".");
        }
        Object instance;
        try {
            Class<?> type = Class.forName(className.trim(), true, TransformChain.class.getClassLoader());
            if (!kind.isAssignableFrom(type)) {
                throw new ConfigException(typeKey, className, "This class is not a " + kind.getSimpleName() + ".");
            }
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(
                    typeKey,
                    className,
                    "Class not found. Check the spelling; nested classes use '$', "
                            + "as in org.apache.kafka.connect.transforms.ReplaceField$Value.");
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(typeKey, className, "Could not create it: " + e.getMessage());
        }
        Map<String, String> settings = settings(config, prefix + ".");
        ConfigDef definition =
                kind == Predicate.class ? ((Predicate<?>) instance).config() : ((Transformation<?>) instance).config();
        for (ConfigValue value : definition.validate(settings)) {
            if (!value.errorMessages().isEmpty()) {
                throw new ConfigException(
                        prefix + "." + value.name(), value.value(), String.join(" ", value.errorMessages()));
            }
        }
        unknownKeys(settings, definition, prefix);
        if (instance instanceof Transformation<?> t) {
            t.configure(settings);
        } else {
            ((Predicate<?>) instance).configure(settings);
        }
        return (T) instance;
    }

    /** Connect ignores a misspelt key silently; a learner is better served by hearing about it. */
    private static void unknownKeys(Map<String, String> settings, ConfigDef definition, String prefix) {
        for (String key : settings.keySet()) {
            if (!definition.names().contains(key)
                    && !List.of("type", "predicate", "negate").contains(key)) {
                throw new ConfigException(
                        prefix + "." + key,
                        settings.get(key),
                        "Unknown setting. This transform knows: " + String.join(", ", definition.names()) + ".");
            }
        }
    }

    private static Map<String, String> settings(Map<String, String> config, String prefix) {
        Map<String, String> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        return settings;
    }
}
