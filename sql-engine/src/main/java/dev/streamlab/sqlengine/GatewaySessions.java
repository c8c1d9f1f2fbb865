package dev.streamlab.sqlengine;

import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.gateway.service.session.SessionManager;

/**
 * The SQL Gateway's sessions, each opened with the same door for tables as the SQL cells' session
 * ({@link LessonConnectors}): the lessons' connectors only, and in a class the learner's prefix. Statements that load
 * code are Flink's own there: only the learner reaches the gateway (mutual TLS), and their Java cells run any code anyway.
 */
final class GatewaySessions implements SessionManager {

    private final SessionManager sessions;
    private final LessonConnectors connectors;

    GatewaySessions(SessionManager sessions, LessonConnectors connectors) {
        this.sessions = sessions;
        this.connectors = connectors;
    }

    @Override
    public Session openSession(SessionEnvironment asked) {
        SessionEnvironment.Builder environment = SessionEnvironment.newBuilder()
                .setSessionEndpointVersion(asked.getSessionEndpointVersion())
                .addSessionConfig(asked.getSessionConfig());
        asked.getSessionName().ifPresent(environment::setSessionName);
        asked.getDefaultCatalog().ifPresent(environment::setDefaultCatalog);
        asked.getRegisteredCatalogCreators().forEach(environment::registerCatalogCreator);
        // Each goes at the head: the last first keeps their order.
        var modules =
                new java.util.ArrayList<>(asked.getRegisteredModuleCreators().entrySet());
        java.util.Collections.reverse(modules);
        modules.forEach(module -> environment.registerModuleCreatorAtHead(module.getKey(), module.getValue()));
        environment.registerModuleAtHead("streamlab", connectors);
        return sessions.openSession(environment.build());
    }

    @Override
    public void start() {
        sessions.start();
    }

    @Override
    public void stop() {
        sessions.stop();
    }

    @Override
    public Session getSession(SessionHandle handle) {
        return sessions.getSession(handle);
    }

    @Override
    public void closeSession(SessionHandle handle) {
        sessions.closeSession(handle);
    }
}
