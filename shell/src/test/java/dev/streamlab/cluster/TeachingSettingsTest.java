package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeachingSettingsTest {

    @ParameterizedTest
    @CsvSource({"1,1,1", "2,2,1", "3,3,2", "4,3,2", "5,3,2"})
    void replicationDefaultsFollowTheClusterSize(int brokers, int replicationFactor, int minInSync) {
        assertThat(TeachingSettings.broker(brokers))
                .containsEntry("min.insync.replicas", String.valueOf(minInSync))
                .containsEntry("offsets.topic.replication.factor", String.valueOf(replicationFactor));
        assertThat(TeachingSettings.controller(brokers))
                .containsEntry("default.replication.factor", String.valueOf(replicationFactor))
                .containsEntry("min.insync.replicas", String.valueOf(minInSync));
    }

    @Test
    void aSilentBrokerIsFencedWithinTwoSeconds() {
        int session = Integer.parseInt(TeachingSettings.controller(3).get("broker.session.timeout.ms"));
        int heartbeat = Integer.parseInt(TeachingSettings.broker(3).get("broker.heartbeat.interval.ms"));
        assertThat(session).isLessThan(2_000);
        // Kafka refuses a heartbeat interval above half the session timeout.
        assertThat(heartbeat * 2).isLessThanOrEqualTo(session);
        assertThat(TeachingSettings.broker(3)).containsEntry("unclean.leader.election.enable", "false");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 9, -1})
    void brokerCountsOutsideOneToFiveAreRefused(int brokers) {
        assertThatThrownBy(() -> EmbeddedCluster.checkBrokerCount(brokers))
                .isInstanceOf(ClusterException.class)
                .hasMessage("A cluster has between 1 and 5 brokers; you asked for " + brokers + ".");
    }
}
