package dev.streamlab.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broker and controller settings tuned for teaching, in one place, for every kind of cluster we start.
 *
 * <ul>
 *   <li>A hard-killed broker is fenced, and its partitions get a new leader, in 1.5 to 2 s
 *       (Kafka's defaults take 9 s or more): brokers heartbeat every 250 ms and the controller
 *       fences a broker it has not heard from for 1.2 s.</li>
 *   <li>New topics get replication factor min(3, N) and, from 3 brokers on, {@code min.insync.replicas=2},
 *       so a write with {@code acks=all} survives the loss of one broker and is refused after two.</li>
 *   <li>Unclean leader election stays off: a replica that missed writes never becomes leader.</li>
 *   <li>Small thread pools and buffers, so a whole cluster fits on a laptop beside a JShell.</li>
 * </ul>
 */
public final class TeachingSettings {

    public static final int MIN_BROKERS = 1;
    public static final int MAX_BROKERS = 5;

    static final int HEARTBEAT_INTERVAL_MS = 250;
    static final int SESSION_TIMEOUT_MS = 1_200;

    private TeachingSettings() {}

    /** The replication factor new topics get by default on a cluster of this many brokers. */
    public static int replicationFactor(int brokers) {
        return Math.min(3, brokers);
    }

    /** {@code min.insync.replicas} for a cluster of this many brokers. */
    public static int minInSyncReplicas(int brokers) {
        return brokers >= 3 ? 2 : 1;
    }

    /** Defaults of topic settings that both the controller and the brokers read. */
    static Map<String, String> topicDefaults(int brokers) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("min.insync.replicas", String.valueOf(minInSyncReplicas(brokers)));
        p.put("unclean.leader.election.enable", "false");
        return p;
    }

    /** Settings every broker of a cluster of {@code brokers} brokers gets, beside its listeners and ids. */
    public static Map<String, String> broker(int brokers) {
        String rf = String.valueOf(replicationFactor(brokers));
        String minIsr = String.valueOf(minInSyncReplicas(brokers));
        Map<String, String> p = new LinkedHashMap<>(topicDefaults(brokers));
        p.put("broker.heartbeat.interval.ms", String.valueOf(HEARTBEAT_INTERVAL_MS));
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("share.coordinator.state.topic.num.partitions", "10");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.putAll(groups());
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /**
     * Group settings: Kafka's broker-side consumer protocol (KIP-848) and share groups (KIP-932) heartbeat every
     * 5 s and give a silent member 45 s; a lesson waits for a take-over, so members here heartbeat every second
     * and are let go after 10 s. A share group's records stay locked to the consumer that took them for 5 s,
     * not 30 s, so a record of a killed consumer comes back while the learner watches.
     */
    static Map<String, String> groups() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kind : new String[] {"consumer", "share"}) {
            p.put("group." + kind + ".min.heartbeat.interval.ms", "500");
            p.put("group." + kind + ".heartbeat.interval.ms", "1000");
            p.put("group." + kind + ".min.session.timeout.ms", "6000");
            p.put("group." + kind + ".session.timeout.ms", "10000");
        }
        p.put("group.share.min.record.lock.duration.ms", "1000");
        p.put("group.share.record.lock.duration.ms", "5000");
        return p;
    }

    /**
     * Settings the controller gets. In KRaft the controller decides when a silent broker is fenced, and it
     * applies the defaults of new topics. A single voter need not wait long before it elects itself.
     */
    public static Map<String, String> controller(int brokers) {
        Map<String, String> p = new LinkedHashMap<>(topicDefaults(brokers));
        // Only the controller applies the default replication factor when it creates a topic.
        p.put("default.replication.factor", String.valueOf(replicationFactor(brokers)));
        p.put("broker.heartbeat.interval.ms", String.valueOf(HEARTBEAT_INTERVAL_MS));
        p.put("broker.session.timeout.ms", String.valueOf(SESSION_TIMEOUT_MS));
        p.put("controller.quorum.election.timeout.ms", "150");
        // The controller checks a group's own settings (share.record.lock.duration.ms and the like) against these
        // bounds.
        p.putAll(groups());
        p.put("num.network.threads", "1");
        p.put("num.io.threads", "1");
        p.put("background.threads", "1");
        return p;
    }
}
