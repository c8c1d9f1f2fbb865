package dev.streamlab.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    private static final String PASSWORD_VARIABLE = "STREAMLAB_KEYSTORE_PASSWORD";
    private static final int VALID_DAYS = 30;

    /** Makes the key store in {@code directory} for clients that connect to {@code address}'s advertised host. */
    static BrokerCertificate create(Path directory, ListenAddress address) {
        Path keyStore = directory.resolve("broker-tls.p12");
        String password = ClusterSecurity.password(24);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new ClusterException("This Java has no keytool (" + keytool + "), which makes the brokers' TLS"
                    + " certificate. Run streamlab with a full JDK (JAVA_HOME).");
        }
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE,
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", String.valueOf(VALID_DAYS),
                "-dname", "CN=streamlab class cluster", "-ext", "SAN=" + subjectAlternativeNames(address))
                .redirectErrorStream(true);
        // The password goes through the environment, which other users cannot read, not the command line, which they can.
        builder.environment().put(PASSWORD_VARIABLE, password);
        run(builder);
        return new BrokerCertificate(keyStore, password, pem(keyStore, password));
    }

    /** The names the certificate is valid for: the advertised host, and the bound address when it is a specific one. */
    static String subjectAlternativeNames(ListenAddress address) {
        List<String> names = new java.util.ArrayList<>(List.of(name(address.advertised())));
        if (!address.everyAddress() && !address.bind().equals(address.advertised())) {
            names.add(name(address.bind()));
        }
        return String.join(",", names);
    }

    private static String name(String host) {
        return (host.matches("[0-9.]+") ? "ip:" : "dns:") + host;
    }

    private static void run(ProcessBuilder builder) {
        Process process = null;
        try {
            process = builder.start();
            process.getOutputStream().close();
            // keytool says a line or two at most, which the pipe holds: wait first, so that the deadline holds.
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new ClusterException("keytool did not make the brokers' TLS certificate within 60 s. The machine"
                        + " may be busy: try again.");
            }
            if (process.exitValue() != 0) {
                throw new ClusterException("keytool could not make the brokers' TLS certificate: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new ClusterException("Could not run keytool to make the brokers' TLS certificate (" + e.getMessage() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while making the brokers' TLS certificate.", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    private static String pem(Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(ALIAS);
            // One line: Kafka's PEM reader ignores white space inside the base64, and a properties file keeps it whole.
            return "-----BEGIN CERTIFICATE----- " + Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + " -----END CERTIFICATE-----";
        } catch (IOException | GeneralSecurityException e) {
            throw new ClusterException("Could not read the brokers' TLS certificate back (" + e.getMessage() + ").", e);
        }
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
