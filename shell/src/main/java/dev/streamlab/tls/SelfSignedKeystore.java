package dev.streamlab.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key pair and its self-signed certificate in a PKCS12 file, made afresh by the JDK's {@code keytool} for one process
 * that listens (brokers for a room, the SQL engine, a Connect worker). The file is its owner's alone and the password is
 * random; it goes to keytool through the environment, which other users cannot read, never on a command line, which
 * they can. When the same file is a server's keystore and its truststore, only a client holding the file gets in.
 *
 * @param file     the PKCS12 file
 * @param password its password, also the key's
 * @param alias    the key's name in the file
 */
public record SelfSignedKeystore(Path file, String password, String alias) {

    private static final String PASSWORD_VARIABLE = "STREAMLAB_KEYSTORE_PASSWORD";
    private static final int VALID_DAYS = 30;
    private static final long DEADLINE_SECONDS = 60;

    /** What the certificate is for, as people read it ({@code "the SQL engine"}), and the names it is valid for. */
    public record Subject(String purpose, String commonName, List<String> hosts) {

        /** keytool's {@code -ext SAN=} value: {@code ip:} for an address, {@code dns:} for a name. */
        public String subjectAlternativeNames() {
            List<String> names = new ArrayList<>();
            for (String host : hosts) {
                names.add((host.matches("[0-9.]+") || host.contains(":") ? "ip:" : "dns:") + host);
            }
            return String.join(",", names);
        }
    }

    /** A keystore being made by keytool; {@link #await()} waits for it, so a caller can start other work meanwhile. */
    public static final class Making {
        private final Process keytool;
        private final Path file;
        private final String password;
        private final String alias;
        private final Subject subject;

        private Making(Process keytool, Path file, String password, String alias, Subject subject) {
            this.keytool = keytool;
            this.file = file;
            this.password = password;
            this.alias = alias;
            this.subject = subject;
        }

        public SelfSignedKeystore await() {
            try {
                keytool.getOutputStream().close();
                // keytool says a line or two at most, which the pipe holds: wait first, so that the deadline holds.
                if (!keytool.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                    throw new KeystoreException("The certificate of " + subject.purpose() + " was not made within "
                            + DEADLINE_SECONDS + " s. The machine may be busy: try again.");
                }
                if (keytool.exitValue() != 0 || !Files.isRegularFile(file)) {
                    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    throw new KeystoreException(
                            "The certificate of " + subject.purpose() + " could not be made (keytool: "
                                    + said.lines().findFirst().orElse("exit " + keytool.exitValue()) + ").");
                }
                ownerOnly(file, "rw-------");
                return new SelfSignedKeystore(file, password, alias);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeystoreException("Interrupted while the certificate of " + subject.purpose() + " was made.");
            } catch (IOException e) {
                throw new KeystoreException(
                        "The certificate of " + subject.purpose() + " could not be made: " + e.getMessage() + ".");
            } finally {
                keytool.destroyForcibly();
            }
        }

        public void cancel() {
            keytool.destroyForcibly();
        }
    }

    /**
     * Starts keytool on a new EC P-256 key pair in {@code folder}, which must be its owner's alone. The password is
     * 192 random bits, so PKCS12's 10,000 rounds of PBKDF2 (which slow the guessing of a weak one) are cut to one: some
     * servers open the file a dozen times as they start.
     */
    public static Making start(Path folder, String fileName, String alias, Subject subject) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new KeystoreException(
                    "Making the certificate of " + subject.purpose() + " needs the JDK's keytool, and " + keytool
                            + " is missing. Run streamlab on a full JDK 17 or newer (JAVA_HOME).");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path file = folder.resolve(fileName);
        // keytool is a JVM too: a short-lived one starts faster with the simplest compiler and collector.
        ProcessBuilder builder = new ProcessBuilder(
                        keytool.toString(),
                        "-J-XX:TieredStopAtLevel=1",
                        "-J-XX:+UseSerialGC",
                        "-J-Xshare:auto",
                        "-J-Dkeystore.pkcs12.keyPbeIterationCount=1",
                        "-J-Dkeystore.pkcs12.macIterationCount=1",
                        "-J-Dkeystore.pkcs12.certPbeIterationCount=1",
                        "-genkeypair",
                        "-noprompt",
                        "-alias",
                        alias,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-sigalg",
                        "SHA256withECDSA",
                        "-dname",
                        "CN=" + subject.commonName(),
                        "-ext",
                        "SAN=" + subject.subjectAlternativeNames(),
                        "-validity",
                        String.valueOf(VALID_DAYS),
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass:env",
                        PASSWORD_VARIABLE,
                        "-keypass:env",
                        PASSWORD_VARIABLE)
                .redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            return new Making(builder.start(), file, password, alias, subject);
        } catch (IOException e) {
            throw new KeystoreException(
                    "The certificate of " + subject.purpose() + " could not be made: " + e.getMessage() + ".");
        }
    }

    /** {@link #start} and {@link Making#await}, for a caller with nothing to do meanwhile. */
    public static SelfSignedKeystore make(Path folder, String fileName, String alias, Subject subject) {
        return start(folder, fileName, alias, subject).await();
    }

    /** The certificate alone in PEM, in lines of 64 characters (curl's {@code --cacert}). */
    public String certificatePem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The same on one line: Kafka's PEM reader ignores white space inside the base64, and a properties file keeps it whole. */
    public String certificatePemOneLine() {
        return "-----BEGIN CERTIFICATE----- " + Base64.getEncoder().encodeToString(certificate())
                + " -----END CERTIFICATE-----";
    }

    private byte[] certificate() {
        try {
            return load(file, password).getCertificate(alias).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new KeystoreException("The certificate in " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    /** A TLS context that presents this certificate and trusts nothing else: a client of a server that uses this file. */
    public SSLContext sslContext() {
        return sslContext(file, password);
    }

    /** The same for any such keystore (a learner's Java session has only its path and password). */
    public static SSLContext sslContext(Path file, String password) {
        try {
            KeyStore store = load(file, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeystoreException("The keystore " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** Where the file system knows POSIX permissions: this file or folder is its owner's alone. */
    public static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Override
    public String toString() {
        return "SelfSignedKeystore[" + file + "]";
    }
}
