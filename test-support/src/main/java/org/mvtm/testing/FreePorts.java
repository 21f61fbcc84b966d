package org.mvtm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports free on this machine now, for a peer a test starts (redis-server, SIPp, a server node). */
public final class FreePorts {
    private FreePorts() {
    }

    /** A TCP port nothing listens on now. */
    public static int tcp() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    /**
     * {@code count} TCP ports nothing listens on now, all different: each socket is held until the last is picked, so
     * the kernel cannot hand out one port twice (two calls of {@link #tcp()} once gave a server the same port for
     * HTTP and SIP, and it failed to start).
     */
    public static int[] tcp(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a socket that was only bound
                }
            }
        }
    }

    /** A UDP port nothing is bound to now. */
    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port", e);
        }
    }
}
