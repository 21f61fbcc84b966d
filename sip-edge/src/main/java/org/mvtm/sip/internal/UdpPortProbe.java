package org.mvtm.sip.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Notices at once that a desk phone's UDP port is closed. The edge sends SIP from an unconnected socket, which never
 * hears the ICMP "port unreachable" that a vanished phone's host sends back, so without this the offer would ring
 * into nothing until its deadline while the customer waits. Right after the INVITE, the probe sends one
 * keep-alive ({@code CRLF CRLF}, which SIP stacks ignore, RFC 5626 section 4.4.1) from a connected socket to the
 * phone's address and listens briefly: a connected socket does get the ICMP error, as a
 * {@link PortUnreachableException}. (An empty datagram would be politer still, but the JDK does not put one on the
 * wire in a way that draws the ICMP answer.)
 *
 * <p>Only phones at a loopback, site-local or link-local IP address are probed: desk phones on the bank's own
 * network, reached without NAT. A stateful firewall or NAT in front of a remote phone may answer a packet from an
 * unexpected source port with the same ICMP error although the phone is fine, so those are left to the deadline. Silence proves nothing (firewalls drop ICMP); the offer deadline still applies.
 * Runs on a virtual thread, never on a SIP stack thread.
 */
final class UdpPortProbe {
    private static final byte[] KEEP_ALIVE = {'\r', '\n', '\r', '\n'};

    private final Duration listen;
    private final Semaphore inFlight;

    /**
     * @param listen      how long to wait for the ICMP answer (it comes back within a round trip)
     * @param maxInFlight probes open at once; beyond that, offers go unprobed (each probe holds a socket for
     *                    {@code listen}, and at hundreds of offers a second they must not use up file descriptors)
     */
    UdpPortProbe(Duration listen, int maxInFlight) {
        this.listen = listen;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Probes {@code host:port} in the background and runs {@code onUnreachable} if the host says the port is closed.
     * Does nothing for a host name or an address outside the local network (see the class comment).
     */
    void probe(String host, int port, Runnable onUnreachable) {
        if (!onLocalNetwork(host) || !inFlight.tryAcquire()) {
            return;
        }
        Thread.ofVirtual().name("sip-udp-probe").start(() -> {
            try {
                if (closed(host, port)) {
                    onUnreachable.run();
                }
            } finally {
                inFlight.release();
            }
        });
    }

    /** Whether {@code host} is an IP literal on the local network (never resolves a name). */
    static boolean onLocalNetwork(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(literal); // a literal: no DNS lookup
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress();
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Whether the host answered with ICMP port unreachable within the listening time. */
    boolean closed(String host, int port) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(host, port));
            socket.setSoTimeout((int) Math.max(1, listen.toMillis()));
            socket.send(new DatagramPacket(KEEP_ALIVE, KEEP_ALIVE.length));
            socket.receive(new DatagramPacket(new byte[1], 1));
            return false; // the phone answered something: it is there
        } catch (PortUnreachableException unreachable) {
            return true;
        } catch (SocketTimeoutException | IllegalArgumentException | SecurityException silent) {
            return false;
        } catch (IOException other) {
            return false;
        }
    }
}
