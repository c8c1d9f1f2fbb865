package dev.streamlab.cluster.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.AlterConfigPolicy;
import org.apache.kafka.server.policy.CreateTopicPolicy;
import org.junit.jupiter.api.Test;

class ClassLimitsTest {

    private final ClassLimits limits = ClassLimits.DEFAULTS;

    @Test
    void aTopicWithinTheCapsPassesAndEachCapIsNamedWithItsValue() {
        assertThat(limits.refuseTopic(
                        "ana.orders", 3, 3, Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")))
                .isEmpty();
        assertThat(limits.refuseTopic("ana.big", 1000, 3, Map.of()))
                .hasValue("A topic may have at most 12 partitions in this class, and ana.big asked for 1000.");
        assertThat(limits.refuseTopic("ana.t", 1, 5, Map.of()))
                .hasValue("A topic may have at most 3 replicas in this class, and ana.t asked for 5.");
        assertThat(limits.refuseConfigs("ana.t", Map.of("max.message.bytes", "104857600")))
                .hasValue("max.message.bytes may be at most 1048588 (about 1 MiB) in this class, not 104857600.");
        assertThat(limits.refuseConfigs("ana.t", Map.of("retention.bytes", "-1")))
                .hasValue("retention.bytes may be at most 67108864 (64 MiB per partition) in this class, not -1.");
        assertThat(limits.refuseConfigs("ana.t", Map.of("segment.bytes", "1073741824")))
                .get()
                .asString()
                .startsWith("segment.bytes may be at most 67108864 (64 MiB)");
        assertThat(limits.refuseConfigs("ana.t", Map.of("segment.ms", "10")))
                .hasValue("segment.ms must be at least 60000 (60 s) in this class, not 10.");
    }

    @Test
    void settingsThatChangeTheBrokersForEveryoneAreRefusedAndDefaultsMayComeBack() {
        assertThat(limits.refuseConfigs("ana.t", Map.of("unclean.leader.election.enable", "true")))
                .hasValue(
                        "unclean.leader.election.enable may not be set on topics in this class; a learner's topics keep the"
                                + " cluster's setting.");
        assertThat(limits.refuseConfigs("ana.t", Map.of("flush.messages", "1"))).isPresent();
        Map<String, String> reset = new HashMap<>();
        reset.put("unclean.leader.election.enable", null);
        assertThat(limits.refuseConfigs("ana.t", reset))
                .as("a deletion goes back to the cluster's value")
                .isEmpty();
        assertThat(limits.refuseConfigs("ana.t", Map.of("message.timestamp.type", "LogAppendTime")))
                .isEmpty();
    }

    @Test
    void kafkasInternalTopicsKeepTheirOwnSettings() {
        assertThat(limits.refuseTopic("__consumer_offsets", 50, 3, Map.of("segment.bytes", "104857600")))
                .isEmpty();
    }

    @Test
    void theCapsComeFromTheBrokersSettingsThroughConfigure() {
        Map<String, Object> broker = new HashMap<>(new ClassLimits(4, 2, 2000, 5000, 4000, 10).brokerSettings());
        broker.put("some.other.broker.setting", "x");
        assertThat(ClassLimits.from(broker)).isEqualTo(new ClassLimits(4, 2, 2000, 5000, 4000, 10));
        assertThat(ClassLimits.from(Map.of())).isEqualTo(ClassLimits.DEFAULTS);
        assertThat(broker)
                .containsEntry("log.retention.bytes", "5000")
                .containsEntry("log.segment.bytes", "4000")
                .containsEntry("max.connections.per.ip", "10")
                .containsEntry("message.max.bytes", "2000");

        ClassTopicPolicy create = new ClassTopicPolicy();
        create.configure(broker);
        assertThatThrownBy(() ->
                        create.validate(new CreateTopicPolicy.RequestMetadata("ana.t", 5, (short) 1, null, Map.of())))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("A topic may have at most 4 partitions in this class, and ana.t asked for 5.");
        assertThatThrownBy(() -> create.validate(new CreateTopicPolicy.RequestMetadata(
                        "ana.t", null, null, Map.of(0, List.of(1, 2, 3)), Map.of())))
                .as("replicas assigned by hand count too")
                .hasMessageContaining("at most 2 replicas");

        ClassConfigPolicy alter = new ClassConfigPolicy();
        alter.configure(broker);
        assertThatThrownBy(() -> alter.validate(new AlterConfigPolicy.RequestMetadata(
                        new ConfigResource(ConfigResource.Type.TOPIC, "ana.t"), Map.of("max.message.bytes", "2001"))))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageStartingWith("max.message.bytes may be at most 2000");
        alter.validate(new AlterConfigPolicy.RequestMetadata(
                new ConfigResource(ConfigResource.Type.BROKER, "1"), Map.of("log.cleaner.threads", "2")));
    }
}
