package dev.streamlab.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The SQL engine's key pair and self-signed certificate, made afresh for each engine: a PKCS12 file that is both the
 * keystore and the truststore of every port the engine opens (Flink's mutual TLS), so only a client holding this file
 * and its password gets an answer. It lives in the engine's scratch folder (owner only, deleted when the engine stops);
 * the password is random and travels on stdin and in the environment, never on a command line.
 *
 * @param file the PKCS12 keystore
 * @param password its password (also the key's)
 * @param certificate the certificate alone, in PEM, for curl's {@code --cacert}
 */
public record EngineKeystore(Path file, String password, Path certificate) {

    static final String ALIAS = "streamlab-sql-engine";
    private static final String PASSWORD_VARIABLE = "STREAMLAB_SQL_KEYSTORE_PASSWORD";

    /** A keystore being made by the JDK's keytool; {@link #await()} waits for it. */
    static final class Making {
        private final Process keytool;
        private final Path file;
        private final String password;

        private Making(Process keytool, Path file, String password) {
            this.keytool = keytool;
            this.file = file;
            this.password = password;
        }

        EngineKeystore await() {
            try {
                if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
                    keytool.destroyForcibly();
                    throw new SqlEngineException("The SQL engine's certificate was not made within 60 s. The machine may be busy: try again.");
                }
                if (keytool.exitValue() != 0 || !Files.isRegularFile(file)) {
                    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    throw new SqlEngineException("The SQL engine's certificate could not be made (keytool: "
                            + said.lines().findFirst().orElse("exit " + keytool.exitValue()) + ").");
                }
                ownerOnly(file, "rw-------");
                Path pem = file.resolveSibling("engine.crt");
                Files.writeString(pem, pem(load(file, password)), StandardCharsets.US_ASCII);
                return new EngineKeystore(file, password, pem);
            } catch (InterruptedException e) {
                keytool.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new SqlEngineException("Interrupted while the SQL engine's certificate was made.");
            } catch (IOException | GeneralSecurityException e) {
                throw new SqlEngineException("The SQL engine's certificate could not be made: " + e.getMessage() + ".");
            }
        }

        void cancel() {
            keytool.destroyForcibly();
        }
    }

    /**
     * Starts the JDK's keytool on a new key pair in {@code folder} (which must be the owner's alone). It runs while the
     * engine's JVM starts: the engine needs the file only once it has read its settings.
     */
    static Making make(Path folder) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new SqlEngineException("The SQL engine needs the JDK's keytool, and " + keytool + " is missing. "
                    + "Run streamlab on a full JDK 17 or newer.");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path file = folder.resolve("engine.p12");
        // keytool is a JVM too: a short-lived one starts faster with the simplest compiler and collector. PKCS12's
        // 10,000 rounds of PBKDF2 slow the guessing of a weak password; this one is 192 random bits, and Flink opens the
        // file a dozen times as the engine starts (each of its TLS endpoints and clients), so one round it is.
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-J-Xshare:auto", "-J-Dkeystore.pkcs12.keyPbeIterationCount=1", "-J-Dkeystore.pkcs12.macIterationCount=1",
                "-J-Dkeystore.pkcs12.certPbeIterationCount=1", "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=streamlab SQL engine", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE)
                .redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            return new Making(builder.start(), file, password);
        } catch (IOException e) {
            throw new SqlEngineException("The SQL engine's certificate could not be made: " + e.getMessage() + ".");
        }
    }

    /** A TLS context that presents this certificate and trusts nothing else: a client of the engine's ports. */
    public SSLContext sslContext() {
        return sslContext(file, password);
    }

    /** The same for any such keystore (the learner's Java session has only its path and password). */
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
            throw new SqlEngineException("The SQL engine's certificate cannot be read (" + e.getMessage() + "): "
                    + "start the SQL engine again.");
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String pem(KeyStore store) throws GeneralSecurityException {
        byte[] der = store.getCertificate(ALIAS).getEncoded();
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Where the file system knows POSIX permissions: this file or folder is its owner's alone. */
    static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
