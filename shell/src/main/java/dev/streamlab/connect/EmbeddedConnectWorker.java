package dev.streamlab.connect;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.tls.KeystoreException;
import dev.streamlab.tls.SelfSignedKeystore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect worker in standalone mode, inside this JVM, started exactly as
 * {@code connect-standalone.sh} starts one. Connectors are found through Java's service loader only
 * (not a classpath scan), which keeps the start under a few seconds.
 */
public final class EmbeddedConnectWorker implements ConnectWorker {

    private static final long REQUEST_SECONDS = 30;
    static final SelfSignedKeystore.Subject REST_SUBJECT = new SelfSignedKeystore.Subject(
            "the Connect worker", "streamlab Connect worker", java.util.List.of("127.0.0.1", "localhost"));

    private final Connect<StandaloneHerder> connect;
    private final ScratchDirectory directory;
    private final SelfSignedKeystore keystore;

    private EmbeddedConnectWorker(
            Connect<StandaloneHerder> connect, ScratchDirectory directory, SelfSignedKeystore keystore) {
        this.connect = connect;
        this.directory = directory;
        this.keystore = keystore;
    }

    public static EmbeddedConnectWorker start(Cluster cluster) {
        return start(cluster.clientConfig());
    }

    /** The same, from client settings only: what a lesson's Java cell has. */
    public static EmbeddedConnectWorker start(Map<String, Object> clientConfig) {
        ScratchDirectory directory = ScratchDirectory.create("connect");
        try {
            SelfSignedKeystore keystore =
                    SelfSignedKeystore.make(directory.path(), "connect-rest.p12", "connect", REST_SUBJECT);
            Map<String, String> props = new HashMap<>(WorkerSettings.clients(clientConfig));
            props.putAll(WorkerSettings.standalone(
                    String.valueOf(clientConfig.get("bootstrap.servers")),
                    directory.resolve("offsets"),
                    "https://127.0.0.1:0"));
            props.putAll(WorkerSettings.restTls(keystore));
            Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(props);
            return new EmbeddedConnectWorker(connect, directory, keystore);
        } catch (KeystoreException e) {
            directory.delete();
            throw new ClusterException("The Connect worker did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            directory.delete();
            throw new ClusterException("The Connect worker did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String restUrl() {
        String url = connect.rest().advertisedUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The keystore that is the REST API's key and its only trusted client. */
    SelfSignedKeystore keystore() {
        return keystore;
    }

    @Override
    public java.net.http.HttpClient restClient() {
        return java.net.http.HttpClient.newBuilder()
                .sslContext(keystore.sslContext())
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        Map<String, String> full = new HashMap<>(config);
        full.put("name", name);
        FutureCallback<ConfigInfos> validation = new FutureCallback<>();
        connect.herder().validateConnectorConfig(full, validation);
        ConfigInfos infos = await(validation, "validate " + name);
        if (infos.errorCount() > 0) {
            List<String> problems = new ArrayList<>();
            for (ConfigInfo info : infos.configs()) {
                if (!info.configValue().errors().isEmpty()) {
                    problems.add(info.configValue().name() + ": "
                            + String.join(" ", info.configValue().errors()));
                }
            }
            throw new ConnectorConfigException(name, problems);
        }
        FutureCallback<
                        org.apache.kafka.connect.runtime.Herder.Created<
                                org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>>
                created = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, full, true, created);
        await(created, "create " + name);
    }

    @Override
    public ConnectorStatus status(String name) {
        ConnectorStateInfo status = connect.herder().connectorStatus(name);
        return new ConnectorStatus(
                new ConnectorStatus.State(
                        -1, status.connector().state(), status.connector().trace()),
                status.tasks().stream()
                        .map(t -> new ConnectorStatus.State(t.id(), t.state(), t.trace()))
                        .toList());
    }

    @Override
    public void deleteConnector(String name) {
        FutureCallback<
                        org.apache.kafka.connect.runtime.Herder.Created<
                                org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>>
                deleted = new FutureCallback<>();
        connect.herder().deleteConnectorConfig(name, deleted);
        await(deleted, "delete " + name);
    }

    /** The worker's threads are not daemons: it must be stopped, or the JVM never exits. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        directory.delete();
    }

    private static <T> T await(FutureCallback<T> callback, String what) {
        try {
            return callback.get(REQUEST_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while trying to " + what + ".", e);
        } catch (ExecutionException e) {
            throw new ClusterException(
                    "Connect could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterException("Connect did not " + what + " within " + REQUEST_SECONDS + " s.", e);
        }
    }
}
