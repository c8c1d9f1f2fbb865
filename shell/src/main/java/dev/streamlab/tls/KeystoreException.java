package dev.streamlab.tls;

/** A keystore could not be made or read; the message says which and what to do. */
public final class KeystoreException extends RuntimeException {

    public KeystoreException(String message) {
        super(message);
    }
}
