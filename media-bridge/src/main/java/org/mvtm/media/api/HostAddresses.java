package org.mvtm.media.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses the relay advertises as ICE host candidates when no public address is configured. A browser must
 * be able to send its connectivity checks to one of them: Chromium pairs its loopback candidate with
 * {@code 127.0.0.1}, but Firefox gathers no loopback candidates (only its network addresses, as mDNS
 * {@code .local} names) and never checks a loopback address, so a relay advertising only {@code 127.0.0.1} is
 * unreachable for Firefox even on the same host. The default is therefore every IPv4 address of the interfaces that
 * are up (the network's first), then loopback: a browser on the host or on the local network finds a pair, and the
 * ICE-lite relay learns the browser's address from its first valid check.
 */
public final class HostAddresses {
    private static final String LOOPBACK = "127.0.0.1";

    private HostAddresses() {
    }

    /**
     * What to advertise for a relay bound to {@code bindAddress}, given the host's interface addresses: a specific
     * bind address is the only one reachable; a wildcard ({@code 0.0.0.0}) is reachable on every non-loopback,
     * non-link-local IPv4 address (in interface order), and on loopback, which comes last.
     */
    public static List<String> advertised(String bindAddress, List<InetAddress> interfaceAddresses) {
        if (!bindAddress.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("media bind address '" + bindAddress + "' is not an IP address");
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("media bind address '" + bindAddress + "' is not an IP address", e);
        }
        if (!bind.isAnyLocalAddress()) {
            return List.of(bind.getHostAddress());
        }
        List<String> result = new ArrayList<>();
        for (InetAddress a : interfaceAddresses) {
            if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()
                    && !a.isAnyLocalAddress() && !result.contains(a.getHostAddress())) {
                result.add(a.getHostAddress());
            }
        }
        result.add(LOOPBACK);
        return List.copyOf(result);
    }

    /** The addresses of this host's interfaces that are up. */
    public static List<InetAddress> ofThisHost() {
        List<InetAddress> result = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    result.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list this host's network interfaces: " + e.getMessage(), e);
        }
        return result;
    }
}
