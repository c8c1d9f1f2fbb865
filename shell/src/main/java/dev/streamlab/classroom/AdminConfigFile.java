package dev.streamlab.classroom;

import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.SettingException;
import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/** The admin's client settings of a secure cluster streamlab started, as a Kafka client properties file for its owner. */
public final class AdminConfigFile {

    private AdminConfigFile() {}

    /** Fails before a cluster starts when the file could not be written (a folder there, no such folder). */
    public static void checkWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new SettingException(file + " is a folder. Give --admin-config a file name (admin.properties).");
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new SettingException("There is no folder " + parent + " for the admin's settings. Create it, or give"
                    + " --admin-config another path.");
        }
    }

    /** Writes {@code bootstrap.servers} and the admin's SASL settings, readable by the owner only. */
    public static Path write(Path file, String bootstrapServers, ClusterSecurity security) throws IOException {
        Map<String, Object> p = new TreeMap<>(security.adminClientConfig());
        p.put("bootstrap.servers", bootstrapServers);
        return write(file, p);
    }

    /** Writes the admin's client settings as the cluster gives them (bootstrap servers, SASL, TLS), readable by the owner only. */
    public static Path write(Path file, Map<String, Object> clientConfig) throws IOException {
        Map<String, Object> p = new TreeMap<>(clientConfig);
        String bootstrapServers = String.valueOf(p.get("bootstrap.servers"));
        StringBuilder b = new StringBuilder("# streamlab: the super user of the secure cluster at ")
                .append(bootstrapServers)
                .append(".\n# Valid while that cluster runs. Keep it to yourself.\n");
        p.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Path written = AtomicFiles.write(file, b.toString());
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        return written;
    }
}
