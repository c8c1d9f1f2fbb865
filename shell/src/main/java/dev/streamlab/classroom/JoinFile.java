package dev.streamlab.classroom;

import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.SettingException;
import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a learner needs to join a class, in one small properties file: the cluster's address, their Kafka client
 * settings (SASL/SCRAM, their user and password) and their prefix. {@code streamlab learn --class FILE} reads it; the
 * same keys ({@code cluster}, {@code bootstrap.server}) work in {@code ~/.streamlab/config.properties}.
 *
 * @param clientConfig Kafka client settings, bootstrap servers included
 */
public record JoinFile(String learner, String prefix, String bootstrapServers, Map<String, Object> clientConfig) {

    static final String LEARNER = "class.learner";
    static final String PREFIX = "class.prefix";
    static final String BOOTSTRAP = "bootstrap.server";
    static final String FILE_NAME_PREFIX = "join-";

    public JoinFile {
        clientConfig = Map.copyOf(clientConfig);
    }

    /** The file's name for this learner: {@code join-ana.properties}. */
    public static String fileName(String learner) {
        return FILE_NAME_PREFIX + learner + ".properties";
    }

    /** A learner's join file, from the cluster's security settings (protocol, trust store) and their password. */
    static JoinFile of(String learner, String password, String bootstrapServers, Map<String, Object> securityBase) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put(
                "security.protocol", securityBase.getOrDefault("security.protocol", ClusterSecurity.SECURITY_PROTOCOL));
        securityBase.forEach((key, value) -> {
            if (key.startsWith("ssl.truststore.") || key.equals("ssl.endpoint.identification.algorithm")) {
                config.put(key, value);
            }
        });
        config.put("sasl.mechanism", ClusterSecurity.MECHANISM);
        config.put("sasl.jaas.config", ClusterSecurity.scramJaas(learner, password));
        return new JoinFile(learner, Roster.prefix(learner), bootstrapServers, config);
    }

    /** The file's text: a comment for the learner, then sorted keys. */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append("# streamlab: ")
                .append(learner)
                .append("'s place in the class. Keep it to yourself: it holds your password.\n");
        b.append("# Use it with: ./streamlab learn --class ")
                .append(fileName(learner))
                .append('\n');
        b.append("cluster=external\n");
        b.append(BOOTSTRAP).append('=').append(bootstrapServers).append('\n');
        b.append(LEARNER).append('=').append(learner).append('\n');
        b.append(PREFIX).append('=').append(prefix).append('\n');
        clientConfig.entrySet().stream()
                .filter(e -> !e.getKey().equals("bootstrap.servers"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey())
                        .append('=')
                        .append(escape(String.valueOf(e.getValue())))
                        .append('\n'));
        return b.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    /** Writes the file readable by its owner only (where the file system knows owners). */
    Path write(Path directory) throws IOException {
        Path target = AtomicFiles.write(directory.resolve(fileName(learner)), text());
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        return target;
    }

    public static JoinFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingException("There is no join file at " + file + ". Check the path given to --class"
                    + " (your instructor handed you a file named like join-ana.properties).");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingException("Cannot read the join file " + file + " (" + e.getMessage()
                    + "). Ask your instructor for a fresh copy.");
        }
        String learner = p.getProperty(LEARNER);
        String prefix = p.getProperty(PREFIX);
        String bootstrap = p.getProperty(BOOTSTRAP);
        if (learner == null || prefix == null || bootstrap == null || p.getProperty("sasl.jaas.config") == null) {
            throw new SettingException(
                    file + " is not a streamlab join file (it lacks " + LEARNER + ", " + PREFIX + ", " + BOOTSTRAP
                            + " or sasl.jaas.config). Ask your instructor for yours (join-NAME.properties).");
        }
        if (!prefix.equals(Roster.prefix(learner))) {
            throw new SettingException("The join file " + file + " gives " + learner + " the prefix '" + prefix
                    + "', but a learner's prefix is their name and a dot ('" + Roster.prefix(learner)
                    + "'). Ask your instructor for a fresh copy.");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        p.stringPropertyNames().stream()
                .filter(k -> !k.equals(LEARNER) && !k.equals(PREFIX) && !k.equals(BOOTSTRAP) && !k.equals("cluster"))
                .forEach(k -> config.put(k, p.getProperty(k)));
        config.put("bootstrap.servers", bootstrap);
        return new JoinFile(learner, prefix, bootstrap, config);
    }
}
