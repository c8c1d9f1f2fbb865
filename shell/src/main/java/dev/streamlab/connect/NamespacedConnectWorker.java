package dev.streamlab.connect;

import dev.streamlab.cluster.Namespace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A learner's own Connect worker in a class, whose connectors use the learner's names: a source connector's records
 * go to {@code ana.customers} when it says {@code customers}, a sink reads {@code ana.customers-priority} when it says
 * {@code customers-priority}, and a sink's consumer group is {@code ana.connect-NAME} instead of Connect's
 * {@code connect-NAME}. Connector names stay as the lesson says them: the worker is the learner's own process, so
 * they clash with no classmate's. The cluster's ACLs, not this class, keep learners apart.
 */
final class NamespacedConnectWorker implements ConnectWorker {

    /** The transform streamlab adds to a connector's chain; a learner's own transforms run before a source's, after a sink's. */
    static final String TRANSFORM = "streamlabNamespace";

    private final ConnectWorker worker;
    private final Namespace ns;

    NamespacedConnectWorker(ConnectWorker worker, Namespace ns) {
        this.worker = worker;
        this.ns = ns;
    }

    static ConnectWorker wrap(ConnectWorker worker, Namespace ns) {
        return ns.isNone() ? worker : new NamespacedConnectWorker(worker, ns);
    }

    @Override
    public String restUrl() {
        return worker.restUrl();
    }

    @Override
    public java.net.http.HttpClient restClient() {
        return worker.restClient();
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        worker.putConnector(name, realConfig(name, config, ns));
    }

    /**
     * The configuration the worker runs: a sink's topics, topic pattern, dead letter queue and group under the
     * prefix, and Kafka's own {@code RegexRouter} at the end of a source's chain (whatever topic its connector and
     * transforms chose) or at the start of a sink's (so its transforms and task see the lesson's names).
     */
    static Map<String, String> realConfig(String name, Map<String, String> config, Namespace ns) {
        Map<String, String> real = new LinkedHashMap<>(config);
        boolean sink = config.containsKey("topics") || config.containsKey("topics.regex");
        if (sink) {
            real.computeIfPresent(
                    "topics",
                    (k, topics) -> Arrays.stream(topics.split(","))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .map(ns::real)
                            .collect(Collectors.joining(",")));
            // Wrapped only when it is a regular expression on its own: "x)|(.*" would close the group around it. One
            // that is not is left for Connect's own validation to refuse.
            real.computeIfPresent(
                    "topics.regex",
                    (k, regex) -> standsAlone(regex) ? Pattern.quote(ns.prefix()) + "(?:" + regex + ")" : regex);
            real.computeIfPresent("errors.deadletterqueue.topic.name", (k, topic) -> ns.real(topic.strip()));
            real.put(
                    "consumer.override.group.id",
                    ns.real(config.getOrDefault("consumer.override.group.id", "connect-" + name)));
            addRouter(real, Pattern.quote(ns.prefix()) + "(.*)", "$1", true);
        } else {
            addRouter(real, "(.*)", Matcher.quoteReplacement(ns.prefix()) + "$1", false);
        }
        return real;
    }

    private static boolean standsAlone(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    private static void addRouter(Map<String, String> config, String regex, String replacement, boolean first) {
        String chain = config.getOrDefault("transforms", "").strip();
        config.put(
                "transforms", chain.isEmpty() ? TRANSFORM : first ? TRANSFORM + "," + chain : chain + "," + TRANSFORM);
        config.put("transforms." + TRANSFORM + ".type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms." + TRANSFORM + ".regex", regex);
        config.put("transforms." + TRANSFORM + ".replacement", replacement);
    }

    @Override
    public ConnectorStatus status(String name) {
        return worker.status(name);
    }

    @Override
    public void deleteConnector(String name) {
        worker.deleteConnector(name);
    }

    @Override
    public void close() {
        worker.close();
    }
}
