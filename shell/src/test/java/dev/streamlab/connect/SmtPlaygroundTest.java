package dev.streamlab.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SmtPlaygroundTest {

    private static final Map<String, Object> TALK_EXAMPLE =
            Map.of("user", "ab123", "gender", "female", "ip", "1.2.3.95");

    @Test
    void theTalksExampleDropsGenderAndMasksTheIp() {
        Map<String, String> config = Map.of(
                "transforms", "dropGender,maskIp",
                "transforms.dropGender.type", "org.apache.kafka.connect.transforms.ReplaceField$Value",
                "transforms.dropGender.exclude", "gender",
                "transforms.maskIp.type", MaskIpAddress.class.getName(),
                "transforms.maskIp.field", "ip");

        var outcome =
                SmtPlayground.apply(config, "customers", List.of(TALK_EXAMPLE)).get(0);

        assertThat(outcome.after()).isEqualTo(Map.of("user", "ab123", "ip", "1.2.3.XXX"));
        assertThat(outcome.topicAfter()).isEqualTo("customers");
    }

    @Test
    void lineageCastAndRoutingWithAPredicate() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("transforms", "origin,castAmount,priority");
        config.put("transforms.origin.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        config.put("transforms.origin.static.field", "origin");
        config.put("transforms.origin.static.value", "crm");
        config.put("transforms.castAmount.type", "org.apache.kafka.connect.transforms.Cast$Value");
        config.put("transforms.castAmount.spec", "amount:float64");
        config.put("transforms.priority.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.priority.regex", "(.*)");
        config.put("transforms.priority.replacement", "$1-priority");
        config.put("transforms.priority.predicate", "isOrders");
        config.put("predicates", "isOrders");
        config.put("predicates.isOrders.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        config.put("predicates.isOrders.pattern", "orders");

        var outcome = SmtPlayground.apply(config, "orders", List.of(Map.of("amount", "12.5")))
                .get(0);
        var untouched = SmtPlayground.apply(config, "customers", List.of(Map.of("amount", "1")))
                .get(0);

        assertThat(outcome.after()).isEqualTo(Map.of("amount", 12.5, "origin", "crm"));
        assertThat(outcome.topicAfter()).isEqualTo("orders-priority");
        assertThat(untouched.topicAfter()).isEqualTo("customers");
    }

    @Test
    void aFilterDropsRecords() {
        Map<String, String> config = Map.of(
                "transforms", "dropAll",
                "transforms.dropAll.type", "org.apache.kafka.connect.transforms.Filter");

        assertThat(SmtPlayground.apply(config, "t", List.of(TALK_EXAMPLE))
                        .get(0)
                        .dropped())
                .isTrue();
    }

    @Test
    void anUnknownClassIsNamedWithItsKey() {
        Map<String, String> config = Map.of(
                "transforms", "mask",
                "transforms.mask.type", "org.apache.kafka.connect.transforms.MaskFeld$Value");

        assertThatThrownBy(() -> SmtPlayground.apply(config, "t", List.of(TALK_EXAMPLE)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.mask.type")
                .hasMessageContaining("Class not found");
    }

    @Test
    void aMisspeltSettingIsNamed() {
        Map<String, String> config = Map.of(
                "transforms", "drop",
                "transforms.drop.type", "org.apache.kafka.connect.transforms.ReplaceField$Value",
                "transforms.drop.exlude", "gender");

        assertThatThrownBy(() -> SmtPlayground.apply(config, "t", List.of(TALK_EXAMPLE)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.drop.exlude")
                .hasMessageContaining("Unknown setting");
    }

    @Test
    void anInvalidValueGetsConnectsOwnMessage() {
        Map<String, String> config = Map.of(
                "transforms", "cast",
                "transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value",
                "transforms.cast.spec", "amount:decimal-ish");

        assertThatThrownBy(() -> SmtPlayground.apply(config, "t", List.of(TALK_EXAMPLE)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.cast.spec");
    }

    @Test
    void maskingKeepsTheNetwork() {
        MaskIpAddress<org.apache.kafka.connect.source.SourceRecord> mask = new MaskIpAddress<>();
        mask.configure(Map.of());
        assertThat(mask.mask("10.20.30.255")).isEqualTo("10.20.30.XXX");
        assertThat(mask.mask("not an address")).isEqualTo("not an address");
    }
}
