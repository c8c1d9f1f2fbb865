package dev.streamlab.cluster;

import java.util.Map;

/**
 * What one kind of cluster (embedded, containers) knows and {@link NodeOrchestrator} does not: where its nodes
 * listen and store their data, how to create one node, and what to free once every node is gone.
 */
public interface ClusterDriver {

    /** The controller's {@code host:port}, as the brokers reach it. */
    String controllerAddress();

    /**
     * The settings that say where this node listens, how others reach it and where it keeps its data
     * ({@code listeners}, {@code advertised.listeners}, {@code listener.security.protocol.map}, {@code log.dirs}, ...).
     * The controller's listener is named {@link NodeOrchestrator#CONTROLLER_LISTENER}.
     */
    Map<String, String> addressSettings(NodeSpec node);

    /** A node, not started yet, that will run with these settings. */
    NodeDriver create(NodeSpec node, Map<String, String> settings);

    /** Frees what this kind of cluster holds beside its nodes (a folder, a network); called once, after every node is removed. */
    void close();

    /** How clients must log in, for a secure cluster (SASL/SCRAM, ACLs); empty for a plaintext one. */
    default java.util.Optional<ClusterSecurity> security() {
        return java.util.Optional.empty();
    }

    /** Where the brokers take clients; loopback unless a secure cluster was asked to listen for a room. */
    default ListenAddress listenAddress() {
        return ListenAddress.LOOPBACK;
    }

    /** The client settings TLS adds ({@code SASL_SSL}, the certificate to trust) when the brokers' listener has it. */
    default Map<String, Object> tlsClientConfig() {
        return Map.of();
    }

    /** How a progress line says where the nodes run, after "Starting the controller and brokers 1, 2, 3". */
    default String where() {
        return "";
    }

    /** How a progress line says what stopping, killing or restarting a broker does on this kind of cluster. */
    default String means(BrokerAction action) {
        return "";
    }

    /** The progress line of a close. */
    default String closingStep() {
        return "Stopping the cluster";
    }

    /** What may be wrong when brokers do not register in time. */
    default String overloadHint() {
        return "The machine may be overloaded (close other programs).";
    }

    /** What a learner can do to one broker. */
    enum BrokerAction {
        STOP,
        KILL,
        RESTART
    }
}
