package dev.streamlab.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * Nodes of an {@link EmbeddedCluster}: Kafka servers in this JVM, listening on 127.0.0.1, storing in a scratch folder.
 * A secure cluster may take clients on another address ({@link ListenAddress}); its brokers' listener then speaks
 * SASL over TLS, and the controller's stays on 127.0.0.1.
 */
final class EmbeddedDriver implements ClusterDriver {

    private final ScratchDirectory directory;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int controllerPort;
    private final ClusterSecurity security;
    private final ListenAddress address;
    private final BrokerCertificate certificate;

    private EmbeddedDriver(
            ScratchDirectory directory,
            int controllerPort,
            ClusterSecurity security,
            ListenAddress address,
            BrokerCertificate certificate) {
        this.directory = directory;
        this.controllerPort = controllerPort;
        this.security = security;
        this.address = address;
        this.certificate = certificate;
    }

    /** {@code security} null: plaintext listeners, no authorizer (the lessons' cluster). */
    static EmbeddedDriver create(ClusterSecurity security) {
        return create(security, ListenAddress.LOOPBACK);
    }

    /** With an address other than loopback (a secure cluster only), the brokers' listener has a TLS certificate made now. */
    static EmbeddedDriver create(ClusterSecurity security, ListenAddress address) {
        if (security == null && !address.loopbackOnly()) {
            throw new IllegalArgumentException("only a secure cluster listens beyond loopback");
        }
        int controllerPort = Ports.free();
        ScratchDirectory directory = ScratchDirectory.create();
        try {
            BrokerCertificate certificate =
                    address.loopbackOnly() ? null : BrokerCertificate.create(directory.path(), address);
            return new EmbeddedDriver(directory, controllerPort, security, address, certificate);
        } catch (RuntimeException e) {
            directory.delete();
            throw e;
        }
    }

    @Override
    public ListenAddress listenAddress() {
        return address;
    }

    @Override
    public Map<String, Object> tlsClientConfig() {
        return certificate == null ? Map.of() : certificate.clientSettings();
    }

    @Override
    public java.util.Optional<ClusterSecurity> security() {
        return java.util.Optional.ofNullable(security);
    }

    @Override
    public String controllerAddress() {
        return Ports.LOOPBACK + ":" + controllerPort;
    }

    /** One listener per broker, for clients and the other brokers alike. */
    @Override
    public Map<String, String> addressSettings(NodeSpec node) {
        String controller = NodeOrchestrator.CONTROLLER_LISTENER;
        Map<String, String> p = new LinkedHashMap<>();
        String controllerProtocol = security == null ? "PLAINTEXT" : ClusterSecurity.SECURITY_PROTOCOL;
        if (!node.broker()) {
            p.put("listeners", controller + "://" + controllerAddress());
            p.put("listener.security.protocol.map", controller + ":" + controllerProtocol);
            p.put("log.dirs", directory.resolve("controller-" + node.id()).toString());
            if (security != null) {
                p.putAll(security.nodeSettings());
            }
            return p;
        }
        if (security == null) {
            String address = "PLAINTEXT://" + Ports.LOOPBACK + ":" + node.hostPort();
            p.put("listeners", address);
            p.put("advertised.listeners", address);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + controller + ":PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
        } else {
            String name = ClusterSecurity.BROKER_LISTENER;
            p.put("listeners", name + "://" + address.bind() + ":" + node.hostPort());
            p.put("advertised.listeners", name + "://" + address.advertised() + ":" + node.hostPort());
            String brokerProtocol =
                    certificate == null ? ClusterSecurity.SECURITY_PROTOCOL : BrokerCertificate.SECURITY_PROTOCOL;
            p.put(
                    "listener.security.protocol.map",
                    name + ":" + brokerProtocol + "," + controller + ":" + controllerProtocol);
            p.putAll(security.brokerSettings());
            if (certificate != null) {
                p.putAll(certificate.brokerSettings(name));
            }
        }
        // A kill must be a kill; EmbeddedNode does the controlled shutdown itself for a graceful stop.
        p.put("controlled.shutdown.enable", "false");
        p.put("log.dirs", directory.resolve("broker-" + node.id()).toString());
        return p;
    }

    @Override
    public NodeDriver create(NodeSpec node, Map<String, String> settings) {
        return new EmbeddedNode(
                node.id(),
                node.broker(),
                settings,
                clusterId,
                security == null ? List.of() : security.scramArguments());
    }

    @Override
    public void close() {
        directory.delete();
    }
}
