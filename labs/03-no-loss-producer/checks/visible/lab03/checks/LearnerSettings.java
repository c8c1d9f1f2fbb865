package lab03.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.cluster.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import dev.streamlab.grading.check.LearnerCode;
import org.opentest4j.AssertionFailedError;

/**
 * The learner's settings as data, from their JVM: the checks build the producer and the topic from exactly this, so what
 * is judged is what runs. Only settings this lab is about are taken; anything else (a class to load, a file, a config
 * provider) is refused with a sentence.
 */
final class LearnerSettings {

    static final Set<String> PRODUCER = Set.of("acks", "enable.idempotence", "retries", "delivery.timeout.ms",
            "max.in.flight.requests.per.connection", "request.timeout.ms", "retry.backoff.ms", "retry.backoff.max.ms", "linger.ms",
            "batch.size", "compression.type", "max.block.ms", "client.id");
    static final Set<String> TOPIC = Set.of("min.insync.replicas", "unclean.leader.election.enable", "retention.ms",
            "cleanup.policy");

    private LearnerSettings() {
    }

    static Map<String, Object> producer(LearnerCode learner) {
        return read(learner.call("producerSettings", Map.of()), PRODUCER, "producerSettings()");
    }

    static Map<String, String> topic(LearnerCode learner) {
        Map<String, String> settings = new LinkedHashMap<>();
        read(learner.call("topicSettings", Map.of()), TOPIC, "topicSettings()").forEach((k, v) -> settings.put(k, String.valueOf(v)));
        return settings;
    }

    /**
     * The topic's own {@code min.insync.replicas} as the broker reads it (null when the topic does not set it and a
     * default applies), asked until the new topic is known to the broker that answers.
     */
    static String topicsOwnMinInSync(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry entry = Await.until(Duration.ofSeconds(30), () -> {
            try {
                return Optional.ofNullable(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("min.insync.replicas"));
            } catch (Exception notYet) {
                return Optional.empty();
            }
        }, "The broker did not describe topic " + topic + " within 30 s");
        return entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG ? entry.value() : null;
    }

    private static Map<String, Object> read(JsonNode node, Set<String> allowed, String method) {
        if (!node.isObject()) {
            throw new AssertionFailedError(method + " returned no map.");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw new AssertionFailedError(method + " sets " + e.getKey() + ", which this lab does not grade. Remove it (the checks"
                        + " add bootstrap servers and serializers); the settings this lab is about are " + new java.util.TreeSet<>(allowed) + ".");
            }
            JsonNode v = e.getValue();
            Object value = v.isBoolean() ? v.asBoolean() : v.isIntegralNumber() ? v.asLong() : v.isNull() ? null : v.asText();
            if (value instanceof String s && s.contains("${")) {
                throw new AssertionFailedError(method + " sets " + e.getKey() + " to " + s + ": config providers are not graded. Write the value itself.");
            }
            if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                value = l.intValue();
            }
            settings.put(e.getKey(), value);
        }
        return settings;
    }
}
