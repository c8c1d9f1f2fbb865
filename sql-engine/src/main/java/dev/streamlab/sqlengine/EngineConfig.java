package dev.streamlab.sqlengine;

import java.util.Map;

/**
 * What the shell tells the engine before it starts, as the first line on its stdin (never on the command line: it may
 * hold a password).
 *
 * @param kafka the cluster's client settings: bootstrap.servers and, on a secure cluster, its security settings
 * @param topicPrefix the learner's prefix in a class, or empty
 * @param bounded Kafka tables read up to the end at submit time, so that every statement ends ({@code streamlab sql})
 * @param gatewayPort the SQL Gateway's REST port: 0 any free port, -1 no gateway
 * @param keystore the PKCS12 file with the engine's key pair and certificate, also the truststore of every port
 * @param keystorePassword its password
 */
record EngineConfig(
        Map<String, String> kafka,
        String topicPrefix,
        boolean bounded,
        int gatewayPort,
        String keystore,
        String keystorePassword) {

    EngineConfig {
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        keystore = keystore == null ? "" : keystore;
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
    }
}
