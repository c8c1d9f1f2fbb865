package dev.streamlab.cluster;

import dev.streamlab.cluster.policy.ClassLimits;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a secure cluster of ours authenticates and authorizes, as a classroom cluster would: clients and brokers speak
 * SASL/SCRAM-SHA-512 on the brokers' listener, Kafka's own {@code StandardAuthorizer} decides every request, nobody
 * but the admin super user may do anything without an ACL, and the controller's listener takes only the admin
 * (SASL/PLAIN with a static JAAS user: KRaft controllers cannot read SCRAM credentials from the metadata they serve).
 * The admin's SCRAM credential is written into the cluster's bootstrap metadata when the storage is formatted, as
 * {@code kafka-storage format --add-scram} does.
 *
 *
 * <p>Every node also gets the class's {@link ClassLimits}: Kafka's create-topic and alter-config policies with their
 * caps, and the brokers' defaults and connection bound that go with them.
 *
 * @param adminUser     the super user's name
 * @param adminPassword its password (random, letters and digits)
 * @param limits        the caps on every topic and on connections per IP address
 */
public record ClusterSecurity(String adminUser, String adminPassword, ClassLimits limits) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String BROKER_LISTENER = "SECURE";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public ClusterSecurity(String adminUser, String adminPassword) {
        this(adminUser, adminPassword, ClassLimits.DEFAULTS);
    }

    public ClusterSecurity {
        java.util.Objects.requireNonNull(limits, "limits");
        if (!adminUser.matches("[A-Za-z0-9_-]+") || !adminPassword.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("admin user and password must be plain letters and digits");
        }
    }

    /** An admin {@code admin} with a fresh random password of 24 characters. */
    public static ClusterSecurity generate() {
        return new ClusterSecurity("admin", password(24));
    }

    /** The same admin on a cluster with these limits. */
    public ClusterSecurity withLimits(ClassLimits limits) {
        return new ClusterSecurity(adminUser, adminPassword, limits);
    }

    /** A random password of letters and digits (no look-alikes), from {@link SecureRandom}. */
    public static String password(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The JAAS line a SCRAM client logs in with. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /**
     * What every node gets: the authorizer, the super user, the controller's listener (SASL/PLAIN, the admin only), and
     * the class's limits (the policies run on the controller, the brokers' defaults on the brokers).
     */
    public Map<String, String> nodeSettings() {
        String controller = NodeOrchestrator.CONTROLLER_LISTENER.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("authorizer.class.name", AUTHORIZER);
        p.put("super.users", "User:" + adminUser);
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        p.put(
                "listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + adminUser
                        + "\" password=\"" + adminPassword + "\" user_" + adminUser + "=\"" + adminPassword + "\";");
        p.putAll(limits.brokerSettings());
        return p;
    }

    /** What a broker adds for its own listener {@link #BROKER_LISTENER}: SCRAM for clients and for the other brokers. */
    Map<String, String> brokerSettings() {
        return brokerSettings(BROKER_LISTENER, List.of());
    }

    /**
     * What a broker adds for its listeners: SCRAM on {@code interBroker}, which the brokers also call each other on,
     * and on each of {@code clientListeners} (a containers cluster's brokers take clients on another listener than
     * the one they share on their private network).
     */
    public Map<String, String> brokerSettings(String interBroker, List<String> clientListeners) {
        Map<String, String> p = new LinkedHashMap<>(nodeSettings());
        p.put("inter.broker.listener.name", interBroker);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        List<String> listeners = new java.util.ArrayList<>(List.of(interBroker));
        listeners.addAll(clientListeners);
        for (String name : listeners) {
            String listener = name.toLowerCase(java.util.Locale.ROOT);
            p.put("listener.name." + listener + ".sasl.enabled.mechanisms", MECHANISM);
            p.put(
                    "listener.name." + listener + "." + MECHANISM.toLowerCase(java.util.Locale.ROOT)
                            + ".sasl.jaas.config",
                    scramJaas(adminUser, adminPassword));
        }
        return p;
    }

    /** The admin's SCRAM credential for the bootstrap metadata, in {@code kafka-storage format --add-scram}'s form. */
    public List<String> scramArguments() {
        return List.of(MECHANISM + "=[name=" + adminUser + ",password=" + adminPassword + "]");
    }

    /** Client settings that log in as the admin (bootstrap servers not included). */
    public Map<String, Object> adminClientConfig() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("security.protocol", SECURITY_PROTOCOL);
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", scramJaas(adminUser, adminPassword));
        return p;
    }
}
