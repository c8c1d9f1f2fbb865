package dev.streamlab.cluster;

import dev.streamlab.tls.KeystoreException;
import dev.streamlab.tls.SelfSignedKeystore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TLS certificate of a cluster that listens for a room: a key pair and a self-signed certificate for the advertised
 * host, made by the JDK's {@code keytool} for this one cluster start, in a PKCS12 key store in the cluster's scratch
 * folder (gone when the cluster stops). Clients trust exactly this certificate, carried inline in their settings as
 * PEM ({@code ssl.truststore.type=PEM}), so a join file works on any machine without a trust store file beside it.
 *
 * @param keyStore the PKCS12 key store the brokers present
 * @param password the key store's password (random)
 * @param pem      the certificate as one line of PEM, for {@code ssl.truststore.certificates}
 */
record BrokerCertificate(Path keyStore, String password, String pem) {

    static final String SECURITY_PROTOCOL = "SASL_SSL";
    private static final String ALIAS = "broker";

    /** Makes the key store in {@code directory} for clients that connect to {@code address}'s advertised host. */
    static BrokerCertificate create(Path directory, ListenAddress address) {
        try {
            SelfSignedKeystore keystore = SelfSignedKeystore.make(directory, "broker-tls.p12", ALIAS, subject(address));
            return new BrokerCertificate(keystore.file(), keystore.password(), keystore.certificatePemOneLine());
        } catch (KeystoreException e) {
            throw new ClusterException(e.getMessage(), e);
        }
    }

    /** The names the certificate is valid for: the advertised host, and the bound address when it is a specific one. */
    static SelfSignedKeystore.Subject subject(ListenAddress address) {
        List<String> hosts = new java.util.ArrayList<>(List.of(address.advertised()));
        if (!address.everyAddress() && !address.bind().equals(address.advertised())) {
            hosts.add(address.bind());
        }
        return new SelfSignedKeystore.Subject("the brokers", "streamlab class cluster", hosts);
    }

    static String subjectAlternativeNames(ListenAddress address) {
        return subject(address).subjectAlternativeNames();
    }

    /** What a broker's listener {@code listener} adds: this key store, and this certificate to trust for inter-broker calls. */
    Map<String, String> brokerSettings(String listener) {
        String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        p.put(prefix + "ssl.keystore.location", keyStore.toString());
        p.put(prefix + "ssl.keystore.password", password);
        p.put(prefix + "ssl.key.password", password);
        p.put(prefix + "ssl.truststore.type", "PEM");
        p.put(prefix + "ssl.truststore.certificates", pem);
        return p;
    }

    /** What a client adds: SASL over TLS, trusting this certificate only. */
    Map<String, Object> clientSettings() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("security.protocol", SECURITY_PROTOCOL);
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.certificates", pem);
        return p;
    }

    @Override
    public String toString() {
        return "BrokerCertificate[" + keyStore + "]";
    }
}
