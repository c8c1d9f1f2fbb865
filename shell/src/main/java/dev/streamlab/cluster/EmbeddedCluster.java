package dev.streamlab.cluster;

/**
 * Real Kafka brokers inside this JVM: one dedicated KRaft controller (node 0) and brokers 1..N,
 * all listening on 127.0.0.1 (a secure cluster's brokers may take clients elsewhere: {@link Builder#listen}). Only needs a JDK.
 *
 * <pre>{@code
 * try (Cluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
 *     cluster.killBroker(2);
 * }
 * }</pre>
 *
 * <p>{@link NodeOrchestrator} runs the cluster; {@link EmbeddedDriver} and {@link EmbeddedNode} run its nodes.
 */
public final class EmbeddedCluster extends NodeOrchestrator {

    private static final long MIN_HEAP_PER_BROKER_MB = 64;

    private EmbeddedCluster(EmbeddedDriver driver, int brokers, int basePort, ClusterListener listener) {
        super(driver, brokers, basePort, listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for an embedded cluster; {@link #start()} returns once every broker is registered. */
    public static final class Builder {
        private int brokers = 3;
        private int basePort;
        private ClusterListener listener = ClusterListener.SILENT;
        private ClusterSecurity security;
        private ListenAddress address = ListenAddress.LOOPBACK;

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Broker i listens on {@code basePort + i - 1}; 0 (the default) picks free ports. */
        public Builder basePort(int basePort) {
            this.basePort = basePort;
            return this;
        }

        public Builder listener(ClusterListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * A secure cluster, as a classroom's: SASL/SCRAM on every listener, Kafka's {@code StandardAuthorizer}, and
         * this admin as the only super user. {@link Cluster#clientConfig()} then logs in as the admin.
         */
        public Builder secure(ClusterSecurity security) {
            this.security = security;
            return this;
        }

        /**
         * A secure cluster's brokers take clients on {@code address} and speak SASL over TLS there, with a certificate
         * made for this start; the controller stays on 127.0.0.1. The default is {@link ListenAddress#LOOPBACK}.
         */
        public Builder listen(ListenAddress address) {
            this.address = address;
            return this;
        }

        public EmbeddedCluster start() {
            checkBrokerCount(brokers);
            checkMemory(brokers);
            if (security == null && !address.loopbackOnly()) {
                throw new SettingException("Only a secure cluster listens beyond this machine's loopback address.");
            }
            EmbeddedCluster cluster =
                    new EmbeddedCluster(EmbeddedDriver.create(security, address), brokers, basePort, listener);
            cluster.start();
            return cluster;
        }
    }

    private static void checkMemory(int brokers) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long neededMb = MIN_HEAP_PER_BROKER_MB * (brokers + 1);
        if (maxMb < neededMb) {
            throw new ClusterException(
                    "Java may use only " + maxMb + " MB of memory, and " + brokers + " embedded brokers need about "
                            + neededMb + " MB. Give Java more (JAVA_OPTS=-Xmx1g) or start fewer brokers.");
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }
}
