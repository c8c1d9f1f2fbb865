package dev.streamlab.sql;

import dev.streamlab.tls.KeystoreException;
import dev.streamlab.tls.SelfSignedKeystore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;

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
    private static final SelfSignedKeystore.Subject SUBJECT =
            new SelfSignedKeystore.Subject("the SQL engine", "streamlab SQL engine", List.of("127.0.0.1", "localhost"));

    /** A keystore being made by the JDK's keytool; {@link #await()} waits for it. */
    static final class Making {
        private final SelfSignedKeystore.Making making;

        private Making(SelfSignedKeystore.Making making) {
            this.making = making;
        }

        EngineKeystore await() {
            try {
                SelfSignedKeystore keystore = making.await();
                Path pem = keystore.file().resolveSibling("engine.crt");
                Files.writeString(pem, keystore.certificatePem(), StandardCharsets.US_ASCII);
                return new EngineKeystore(keystore.file(), keystore.password(), pem);
            } catch (KeystoreException e) {
                throw new SqlEngineException(e.getMessage());
            } catch (IOException e) {
                throw new SqlEngineException(
                        "The SQL engine's certificate could not be written: " + e.getMessage() + ".");
            }
        }

        void cancel() {
            making.cancel();
        }
    }

    /**
     * Starts the JDK's keytool on a new key pair in {@code folder} (which must be the owner's alone). It runs while the
     * engine's JVM starts: the engine needs the file only once it has read its settings.
     */
    static Making make(Path folder) {
        try {
            return new Making(SelfSignedKeystore.start(folder, "engine.p12", ALIAS, SUBJECT));
        } catch (KeystoreException e) {
            throw new SqlEngineException(e.getMessage());
        }
    }

    /** A TLS context that presents this certificate and trusts nothing else: a client of the engine's ports. */
    public SSLContext sslContext() {
        return sslContext(file, password);
    }

    /** The same for any such keystore (the learner's Java session has only its path and password). */
    public static SSLContext sslContext(Path file, String password) {
        try {
            return SelfSignedKeystore.sslContext(file, password);
        } catch (KeystoreException e) {
            throw new SqlEngineException("The SQL engine's certificate cannot be read: start the SQL engine again. ("
                    + e.getMessage() + ")");
        }
    }

    /** Where the file system knows POSIX permissions: this file or folder is its owner's alone. */
    static void ownerOnly(Path path, String permissions) throws IOException {
        SelfSignedKeystore.ownerOnly(path, permissions);
    }
}
