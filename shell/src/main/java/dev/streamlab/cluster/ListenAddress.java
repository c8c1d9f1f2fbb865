package dev.streamlab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a cluster's brokers take clients: the address their listener binds to, and the host they tell clients to
 * connect to (Kafka's {@code advertised.listeners}), which is also the address in the class's join files.
 *
 * @param bind       an IPv4 address of this machine, or {@code 0.0.0.0} for all of them
 * @param advertised the host name or address clients reach the brokers by
 * @param choice     how {@code advertised} was chosen, for the line that says so
 */
public record ListenAddress(String bind, String advertised, Choice choice) {

    /** How the advertised host was chosen. */
    public enum Choice {
        LOOPBACK,
        GIVEN,
        BIND_ADDRESS,
        HOST_NAME,
        FIRST_ADDRESS
    }

    static final String WILDCARD = "0.0.0.0";
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    /** 127.0.0.1 only: the default, where nothing outside this machine reaches the brokers. */
    public static final ListenAddress LOOPBACK = new ListenAddress(Ports.LOOPBACK, Ports.LOOPBACK, Choice.LOOPBACK);

    /** What this machine is called and which of its addresses others may reach, for the default advertised host. */
    record Machine(Optional<String> hostName, List<String> addresses) {

        /** The host name when it resolves to an address other machines could reach, and the non-loopback IPv4 addresses. */
        static Machine local() {
            Optional<String> name = Optional.empty();
            try {
                InetAddress self = InetAddress.getLocalHost();
                if (!self.isLoopbackAddress() && !self.getHostName().equals(self.getHostAddress())) {
                    name = Optional.of(self.getHostName());
                }
            } catch (UnknownHostException e) {
                // No name that resolves: the addresses decide.
            }
            List<String> addresses = new ArrayList<>();
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (!nic.isUp() || nic.isLoopback()) {
                        continue;
                    }
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                            addresses.add(a.getHostAddress());
                        }
                    }
                }
            } catch (SocketException e) {
                // No interfaces to list: the host name decides.
            }
            return new Machine(name, addresses);
        }
    }

    public ListenAddress {
        if (!IPV4.matcher(bind).matches()) {
            throw new SettingException("--listen takes an IPv4 address of this machine (0.0.0.0 for all of them),"
                    + " not '" + bind + "'.");
        }
        if (!HOST.matcher(advertised).matches() || advertised.equals(WILDCARD)) {
            throw new SettingException("--advertise takes the host name or address learners reach this machine by"
                    + " (no port), not '" + advertised + "'.");
        }
    }

    /**
     * The address {@code cluster up --listen} asked for. Without {@code advertise}: a specific address advertises
     * itself; {@code 0.0.0.0} advertises this machine's host name, or else its first network address.
     * Fails with one sentence when the address is not this machine's.
     */
    public static ListenAddress of(String listen, String advertise) {
        ListenAddress address = of(listen, advertise, Machine.local());
        checkBindable(address.bind());
        return address;
    }

    static ListenAddress of(String listen, String advertise, Machine machine) {
        String bind = listen.strip();
        if (advertise != null && !advertise.isBlank()) {
            return new ListenAddress(bind, advertise.strip(), Choice.GIVEN);
        }
        if (!bind.equals(WILDCARD)) {
            return new ListenAddress(bind, bind, Choice.BIND_ADDRESS);
        }
        if (machine.hostName().isPresent()) {
            return new ListenAddress(bind, machine.hostName().get(), Choice.HOST_NAME);
        }
        if (!machine.addresses().isEmpty()) {
            return new ListenAddress(bind, machine.addresses().get(0), Choice.FIRST_ADDRESS);
        }
        throw new SettingException("This machine has no host name or network address that other machines could reach."
                + " Give one with --advertise HOST.");
    }

    /** Whether only this machine can reach the brokers. */
    public boolean loopbackOnly() {
        return choice == Choice.LOOPBACK;
    }

    /** Whether the brokers bind to every address of this machine. */
    public boolean everyAddress() {
        return bind.equals(WILDCARD);
    }

    private static void checkBindable(String bind) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(bind), 0), 1);
        } catch (IOException e) {
            throw new SettingException("Cannot listen on " + bind + " (" + e.getMessage() + "): it is not an address of"
                    + " this machine. Give one that 'ip address' lists, or 0.0.0.0 for all of them.");
        }
    }
}
