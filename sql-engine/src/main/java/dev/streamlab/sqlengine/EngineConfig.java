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
 */
record EngineConfig(Map<String, String> kafka, String topicPrefix, boolean bounded, int gatewayPort) {

    EngineConfig {
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
    }
}
