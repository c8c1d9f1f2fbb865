package dev.streamlab.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.Namespace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespacedConnectWorkerTest {

    private static final Namespace ANA = new Namespace("ana.");
    private static final Map<String, Object> EVENT = Map.of("user", "ab123", "priority", "high");

    @Test
    void aSourcesRecordsGoToTheLearnersTopicAfterTheLearnersOwnRouting() {
        Map<String, String> routed = new LinkedHashMap<>();
        routed.put("connector.class", DemoDataSourceConnector.class.getName());
        routed.put("topic", "customer-events");
        routed.put("transforms", "priority");
        routed.put("transforms.priority.type", "org.apache.kafka.connect.transforms.RegexRouter");
        routed.put("transforms.priority.regex", ".*");
        routed.put("transforms.priority.replacement", "customers-priority");
        routed.put("transforms.priority.predicate", "isHigh");
        routed.put("predicates", "isHigh");
        routed.put("predicates.isHigh.type", FieldEquals.class.getName());
        routed.put("predicates.isHigh.field", "priority");
        routed.put("predicates.isHigh.value", "high");

        Map<String, String> real = NamespacedConnectWorker.realConfig("customers-routed", routed, ANA);

        assertThat(real)
                .containsEntry("topic", "customer-events")
                .containsEntry("transforms", "priority,streamlabNamespace")
                .doesNotContainKey("consumer.override.group.id");
        assertThat(SmtPlayground.apply(real, "customer-events", List.of(EVENT))
                        .get(0)
                        .topicAfter())
                .isEqualTo("ana.customers-priority");
        assertThat(SmtPlayground.apply(real, "customer-events", List.of(Map.of("priority", "low")))
                        .get(0)
                        .topicAfter())
                .isEqualTo("ana.customer-events");
    }

    @Test
    void aSinkReadsTheLearnersTopicsInTheLearnersGroupAndItsTransformsSeeTheLessonsNames() {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("connector.class", JsonLinesSinkConnector.class.getName());
        sink.put("topics", "customers-priority, customers");
        sink.put("errors.deadletterqueue.topic.name", "dead-letters");
        sink.put("transforms", "amount");
        sink.put("transforms.amount.type", "org.apache.kafka.connect.transforms.Cast$Value");
        sink.put("transforms.amount.spec", "amount:float64");

        Map<String, String> real = NamespacedConnectWorker.realConfig("priority-out", sink, ANA);

        assertThat(real)
                .containsEntry("topics", "ana.customers-priority,ana.customers")
                .containsEntry("errors.deadletterqueue.topic.name", "ana.dead-letters")
                .containsEntry("consumer.override.group.id", "ana.connect-priority-out")
                .containsEntry("transforms", "streamlabNamespace,amount");
        assertThat(SmtPlayground.apply(real, "ana.customers-priority", List.of(Map.of("amount", "12.5")))
                        .get(0))
                .satisfies(o -> assertThat(o.topicAfter()).isEqualTo("customers-priority"))
                .satisfies(o -> assertThat(o.after()).isEqualTo(Map.of("amount", 12.5)));
    }

    @Test
    void aSinksTopicPatternAndOwnGroupAreTheLearnersToo() {
        Map<String, String> real = NamespacedConnectWorker.realConfig(
                "out", Map.of("topics.regex", "customers.*", "consumer.override.group.id", "archive"), ANA);

        assertThat(real).containsEntry("consumer.override.group.id", "ana.archive");
        assertThat("ana.customers-priority").matches(real.get("topics.regex"));
        assertThat("bob.customers-priority").doesNotMatch(real.get("topics.regex"));
        assertThat("customers").doesNotMatch(real.get("topics.regex"));
    }

    @Test
    void aPatternThatWouldCloseTheGroupAroundItIsNotWrappedSoConnectRefusesIt() {
        String escape = "x)|(bob\\..*";
        Map<String, String> real = NamespacedConnectWorker.realConfig("out", Map.of("topics.regex", escape), ANA);

        assertThat(real.get("topics.regex"))
                .as("left for Connect's validation, which refuses it")
                .isEqualTo(escape);
        assertThatThrownBy(() -> java.util.regex.Pattern.compile(real.get("topics.regex")))
                .isInstanceOf(java.util.regex.PatternSyntaxException.class);
    }

    @Test
    void outsideAClassTheWorkerIsUnchanged() {
        ConnectWorker worker = new ConnectRestClient("http://127.0.0.1:1");
        assertThat(NamespacedConnectWorker.wrap(worker, Namespace.NONE)).isSameAs(worker);
    }
}
