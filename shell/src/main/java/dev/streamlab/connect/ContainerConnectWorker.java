package dev.streamlab.connect;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.cluster.containers.ClusterNetwork;
import dev.streamlab.tls.KeystoreException;
import dev.streamlab.tls.SelfSignedKeystore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Connect worker in a container beside a containers cluster, from the cluster's own image (the {@code apache/kafka}
 * image ships Connect; the local image has the same jars). It joins the cluster's private network and reads the brokers
 * there. streamlab's connectors and transforms go in as a small jar; the demo data folder and the temporary folder are
 * shared at the same paths, so a connector configured with a file path on this machine finds the file.
 */
public final class ContainerConnectWorker extends ConnectRestClient {

    static final int REST_PORT = 8083;
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    /** Class folders of ours that a connector, a transform or a predicate of streamlab's may use. */
    private static final List<String> PLUGIN_PACKAGES = List.of("dev/streamlab/connect/", "dev/streamlab/demodata/");

    private final GenericContainer<?> container;
    private final ScratchDirectory directory;

    private ContainerConnectWorker(
            String restUrl, SelfSignedKeystore keystore, GenericContainer<?> container, ScratchDirectory directory) {
        super(restUrl, keystore.sslContext());
        this.container = container;
        this.directory = directory;
    }

    @SuppressWarnings("resource")
    public static ContainerConnectWorker start(ClusterNetwork cluster, Path demoData) {
        Path shared;
        try {
            shared = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        } catch (IOException e) {
            throw new ClusterException(
                    "The temporary folder " + System.getProperty("java.io.tmpdir") + " is not there (" + e.getMessage()
                            + "). Point TMPDIR at a folder you can write.",
                    e);
        }
        ScratchDirectory scratch = ScratchDirectory.create(shared, "connect");
        Path directory = scratch.path();
        GenericContainer<?> container = null;
        try {
            Path plugin = writePluginJar(directory.resolve("streamlab-connect-plugins.jar"));
            // The scratch folder is the learner's alone; the container runs as the learner, so it reads the keystore.
            String dockerHost = DockerClientFactory.instance().dockerHostIpAddress();
            SelfSignedKeystore keystore = SelfSignedKeystore.make(
                    directory,
                    "connect-rest.p12",
                    "connect",
                    new SelfSignedKeystore.Subject(
                            "the Connect worker",
                            "streamlab Connect worker",
                            java.util.stream.Stream.of("127.0.0.1", "localhost", dockerHost)
                                    .distinct()
                                    .toList()));
            Path settings = writeSettings(directory, cluster.bootstrapServers(), keystore);
            String user = Files.getAttribute(directory, "unix:uid") + ":" + Files.getAttribute(directory, "unix:gid");
            List<Bind> binds = new ArrayList<>();
            binds.add(new Bind(shared.toString(), new Volume(shared.toString()), AccessMode.rw));
            if (demoData != null && Files.isDirectory(demoData)) {
                String path = demoData.toRealPath().toString();
                binds.add(new Bind(path, new Volume(path), AccessMode.ro));
            }
            container = new GenericContainer<>(DockerImageName.parse(cluster.image()))
                    .withNetworkMode(cluster.network())
                    .withLabels(cluster.labels())
                    .withExposedPorts(REST_PORT)
                    .withCommand(
                            "java",
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:-UsePerfData",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-cp",
                            "/opt/kafka/libs/*:" + plugin,
                            "org.apache.kafka.connect.cli.ConnectStandalone",
                            settings.toString())
                    // As the user who owns the shared folders, so files a sink writes are the learner's. Binds are set
                    // on the command: Testcontainers' withFileSystemBind first runs a probe container it must pull.
                    .withCreateContainerCmdModifier(
                            cmd -> cmd.withUser(user).getHostConfig().withBinds(binds))
                    .waitingFor(Wait.forListeningPort().withStartupTimeout(START_DEADLINE));
            container.start();
            String host = "localhost".equals(container.getHost()) ? "127.0.0.1" : container.getHost();
            ContainerConnectWorker worker = new ContainerConnectWorker(
                    "https://" + host + ":" + container.getMappedPort(REST_PORT), keystore, container, scratch);
            worker.awaitAnswer(START_DEADLINE);
            return worker;
        } catch (KeystoreException e) {
            stop(container, scratch);
            throw new ClusterException("The Connect worker did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            stop(container, scratch);
            throw new ClusterException(
                    "Cannot prepare the Connect worker's files in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            String logs = container == null ? "" : lastLines(container);
            stop(container, scratch);
            throw new ClusterException(
                    "The Connect worker's container did not start: " + e.getMessage()
                            + (logs.isEmpty() ? "" : "\nIts last lines:\n" + logs),
                    e);
        }
    }

    /** Settings of a standalone worker, the same as the embedded one's, with its offsets in the shared directory. */
    private static Path writeSettings(Path directory, String bootstrapServers, SelfSignedKeystore keystore)
            throws IOException {
        Properties settings = new Properties();
        settings.putAll(WorkerSettings.standalone(
                bootstrapServers, directory.resolve("offsets"), "https://0.0.0.0:" + REST_PORT));
        settings.putAll(WorkerSettings.restTls(keystore));
        Path file = directory.resolve("worker.properties");
        // The settings hold the keystore's password; the scratch folder around them is the learner's alone.
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.store(out, "A standalone Connect worker beside a streamlab containers cluster");
        }
        return file;
    }

    /**
     * streamlab's connectors, transforms and predicates, with their service files: a jar of a few classes, whether
     * streamlab runs from its jar or (in tests) from a class folder.
     */
    static Path writePluginJar(Path jar) throws IOException {
        Path source;
        try {
            source = Path.of(MaskIpAddress.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot find streamlab's classes: " + e.getMessage(), e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = source.relativize(file).toString().replace('\\', '/');
                        if (isPluginPart(name)) {
                            try (InputStream in = Files.newInputStream(file)) {
                                copy(name, in, out);
                            }
                        }
                    }
                }
            } else {
                try (JarFile from = new JarFile(source.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(from.entries())) {
                        if (!entry.isDirectory() && isPluginPart(entry.getName())) {
                            try (InputStream in = from.getInputStream(entry)) {
                                copy(entry.getName(), in, out);
                            }
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static boolean isPluginPart(String name) {
        return PLUGIN_PACKAGES.stream().anyMatch(name::startsWith)
                || name.startsWith("META-INF/services/org.apache.kafka.connect.");
    }

    private static void copy(String name, InputStream in, JarOutputStream out) throws IOException {
        out.putNextEntry(new JarEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }

    private static String lastLines(GenericContainer<?> container) {
        try {
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop(container, directory);
    }

    private static void stop(GenericContainer<?> container, ScratchDirectory directory) {
        if (container != null) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                // The cluster removes what carries its labels when it closes.
            }
        }
        directory.delete();
    }
}
