package dev.streamlab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finding and checking TCP ports on the loopback address, where our brokers listen, or on the address they bind to. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /** A port that is free right now, chosen by the operating system. */
    public static int free() {
        return free(LOOPBACK);
    }

    /** A port that is free on {@code address} (an IP address of this machine, or 0.0.0.0) right now. */
    public static int free(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ClusterException(
                    "Cannot open a port on " + address + " (" + e.getMessage() + ")."
                            + (LOOPBACK.equals(address)
                                    ? " Check that the loopback network is up."
                                    : " Check the address given to --listen."),
                    e);
        }
    }

    public static boolean isFree(int port) {
        return isFree(LOOPBACK, port);
    }

    public static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static ClusterException inUse(int port) {
        return new ClusterException("Port " + port + " is already in use, perhaps by another Kafka."
                + " Stop that program, or choose other ports with --port.");
    }
}
