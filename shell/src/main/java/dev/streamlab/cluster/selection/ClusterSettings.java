package dev.streamlab.cluster.selection;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.SettingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which cluster to use, settled once from, in order: the command line, the environment ({@code STREAMLAB_CLUSTER},
 * {@code STREAMLAB_IMAGE}, {@code STREAMLAB_BOOTSTRAP_SERVER}, {@code STREAMLAB_COMMAND_CONFIG}), and the config file
 * ({@code ~/.streamlab/config.properties}, or where {@code STREAMLAB_CONFIG} points: keys {@code cluster}, {@code image},
 * {@code bootstrap.server}, {@code command.config}). A trainer sets the file or the variables once for a classroom.
 *
 * @param source where {@code kind} came from, for the line that explains the choice
 */
public record ClusterSettings(
        Kind kind,
        Optional<String> image,
        Optional<String> bootstrapServer,
        Optional<Path> commandConfig,
        String source) {

    /** The kinds of cluster; {@code AUTO} picks containers when Docker can run them, embedded otherwise. */
    public enum Kind {
        EMBEDDED,
        CONTAINERS,
        EXTERNAL,
        AUTO;

        public static Kind parse(String value, String where) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SettingException("'" + value + "' (" + where + ") is not a kind of cluster."
                        + " Use embedded, containers, external or auto.");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String CONFIG_ENV = "STREAMLAB_CONFIG";

    /** What the command line said; any value may be null (not given). */
    public record CommandLine(String cluster, String image, String bootstrapServer, Path commandConfig) {
        public static final CommandLine NONE = new CommandLine(null, null, null, null);
    }

    public static ClusterSettings resolve(CommandLine cli) {
        return resolve(cli, System.getenv(), configFile(System.getenv()));
    }

    /** The config file: {@code STREAMLAB_CONFIG} if set, else {@code ~/.streamlab/config.properties}. */
    public static Path configFile(Map<String, String> env) {
        String override = env.get(CONFIG_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".streamlab", "config.properties");
    }

    static ClusterSettings resolve(CommandLine cli, Map<String, String> env, Path configFile) {
        Properties file = read(configFile);
        String fileName = "in " + configFile;
        Optional<Setting> cluster = first(
                Setting.of(cli.cluster(), "--cluster"),
                Setting.of(env.get("STREAMLAB_CLUSTER"), "STREAMLAB_CLUSTER"),
                Setting.of(file.getProperty("cluster"), "cluster " + fileName));
        Kind kind = cluster.map(s -> Kind.parse(s.value, s.source)).orElse(Kind.AUTO);
        Optional<String> image = first(
                        Setting.of(cli.image(), "--image"),
                        Setting.of(env.get("STREAMLAB_IMAGE"), "STREAMLAB_IMAGE"),
                        Setting.of(file.getProperty("image"), fileName))
                .map(s -> s.value);
        Optional<String> bootstrap = first(
                        Setting.of(cli.bootstrapServer(), "--bootstrap-server"),
                        Setting.of(env.get("STREAMLAB_BOOTSTRAP_SERVER"), "STREAMLAB_BOOTSTRAP_SERVER"),
                        Setting.of(file.getProperty("bootstrap.server"), fileName))
                .map(s -> s.value);
        Optional<Path> commandConfig = first(
                        Setting.of(
                                cli.commandConfig() == null
                                        ? null
                                        : cli.commandConfig().toString(),
                                "--command-config"),
                        Setting.of(env.get("STREAMLAB_COMMAND_CONFIG"), "STREAMLAB_COMMAND_CONFIG"),
                        Setting.of(file.getProperty("command.config"), fileName))
                .map(s -> Path.of(s.value));
        return new ClusterSettings(
                kind,
                image,
                bootstrap,
                commandConfig,
                cluster.map(s -> s.source).orElse("the default"));
    }

    private record Setting(String value, String source) {
        static Optional<Setting> of(String value, String source) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(value.trim(), source));
        }
    }

    @SafeVarargs
    private static Optional<Setting> first(Optional<Setting>... settings) {
        for (Optional<Setting> s : settings) {
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (file == null || !Files.exists(file)) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new ClusterException(
                    "Cannot read streamlab's config file " + file + ": " + e.getMessage()
                            + ". Fix it (key=value lines: cluster, image, bootstrap.server, command.config) or remove it.",
                    e);
        }
    }
}
