package dev.streamlab.learner;

import dev.streamlab.cluster.Namespace;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The lesson's cluster as the JVM that runs the cells knows it, from the system properties streamlab sets there: its
 * address (waited for while the cluster starts), its client settings, and the learner's namespace. {@link Kafka}'s
 * helpers read it here.
 */
final class LessonCluster {

    private static final long CLUSTER_WAIT_MS = 120_000;
    private static final Object CLUSTER_SETTINGS = new Object();

    private LessonCluster() {}

    static String bootstrapServers() {
        synchronized (CLUSTER_SETTINGS) {
            long deadline = System.currentTimeMillis() + CLUSTER_WAIT_MS;
            boolean told = false;
            while (true) {
                String servers = System.getProperty(Kafka.BOOTSTRAP_PROPERTY);
                if (servers != null) {
                    return servers;
                }
                String failed = System.getProperty(Kafka.FAILED_PROPERTY);
                if (failed != null) {
                    throw new IllegalStateException(failed);
                }
                long left = deadline - System.currentTimeMillis();
                if (!Boolean.getBoolean(Kafka.PENDING_PROPERTY) || left <= 0) {
                    throw new IllegalStateException(
                            "No cluster is known here: run this code in `streamlab learn` or `streamlab check`.");
                }
                if (!told) {
                    System.out.println("(The cluster is still starting: waiting for it...)");
                    told = true;
                }
                try {
                    CLUSTER_SETTINGS.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the cluster", e);
                }
            }
        }
    }

    static void learnSetting(String name, String value) {
        synchronized (CLUSTER_SETTINGS) {
            System.setProperty(name, value);
            CLUSTER_SETTINGS.notifyAll();
        }
    }

    static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(Kafka.CLIENT_PREFIX)) {
                config.put(name.substring(Kafka.CLIENT_PREFIX.length()), system.getProperty(name));
            }
        }
        return config;
    }

    /** Waits while the cluster is starting: the namespace comes with its address. */
    static Namespace namespace() {
        bootstrapServers();
        return new Namespace(System.getProperty(Kafka.NAMESPACE_PROPERTY, ""));
    }
}
