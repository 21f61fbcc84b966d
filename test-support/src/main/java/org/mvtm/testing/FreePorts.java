package org.mvtm.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports free on this machine now, for a peer a test starts (redis-server, SIPp, a server node).
 *
 * <p>They are picked below the kernel's ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}), never from
 * it: a port the kernel handed out for "any port" was free when picked, but the kernel may hand the same number to the
 * next socket that asks for any port (a browser's ICE candidate, an outgoing connection) before the peer binds it. That
 * once stopped a server from starting ("cannot listen for SIP on UDP 44125 / TCP 44125: Address already in use"). A
 * port this JVM has handed out is not handed out again. The ports below 20000 are left to peers that take ports as they
 * go (rtpengine's RTP ports in the capacity benchmark are 10000-19999).
 */
public final class FreePorts {
    private static final int LOWEST = 20000;
    private static final int ATTEMPTS = 2000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A TCP port nothing listens on now. */
    public static int tcp() {
        return tcp(1)[0];
    }

    /** {@code count} TCP ports nothing listens on now, all different. */
    public static int[] tcp(int count) {
        return distinct(count, true, false);
    }

    /** A UDP port nothing is bound to now. */
    public static int udp() {
        return udp(1)[0];
    }

    /**
     * {@code count} UDP ports nothing is bound to now, all different (a SIPp that bound its SIP port and then failed to
     * bind the same number for RTP left the capacity benchmark's phones unreachable).
     */
    public static int[] udp(int count) {
        return distinct(count, false, true);
    }

    /**
     * {@code count} ports free now for TCP and for UDP both, all different: a SIP listener binds one number for both
     * (a port free for TCP alone once was bound for UDP and the server did not start).
     */
    public static int[] tcpAndUdp(int count) {
        return distinct(count, true, true);
    }

    /** The first port of the kernel's ephemeral range (32768 where the kernel does not say). */
    static int ephemeralLow() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                // read as lines: Files.readString gave only the first byte of this file, whose size the kernel says is 0
                try (var lines = Files.lines(range)) {
                    return Integer.parseInt(lines.findFirst().orElse("").trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to Linux's default
        }
        return 32768;
    }

    private static int[] distinct(int count, boolean tcp, boolean udp) {
        int high = ephemeralLow();
        if (high <= LOWEST + count) {
            throw new IllegalStateException("no room for test ports below the ephemeral range (starts at " + high + ")");
        }
        int[] ports = new int[count];
        for (int i = 0, attempts = 0; i < count; attempts++) {
            if (attempts == ATTEMPTS) {
                throw new UncheckedIOException(new IOException("no free " + (tcp ? "TCP " : "") + (udp ? "UDP " : "")
                        + "port between " + LOWEST + " and " + high + " after " + ATTEMPTS + " tries"));
            }
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, high);
            if (!HANDED_OUT.contains(candidate) && bindable(candidate, tcp, udp) && HANDED_OUT.add(candidate)) {
                ports[i++] = candidate;
            }
        }
        return ports;
    }

    private static boolean bindable(int port, boolean tcp, boolean udp) {
        List<Closeable> held = new ArrayList<>();
        try {
            if (tcp) {
                ServerSocket s = new ServerSocket();
                held.add(s);
                s.bind(new InetSocketAddress(port));
            }
            if (udp) {
                DatagramSocket s = new DatagramSocket(null);
                held.add(s);
                s.bind(new InetSocketAddress(port));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (Closeable s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a socket that was only bound
                }
            }
        }
    }
}
