package org.mvtm.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

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
        return distinct(count, () -> new ServerSocket(0), ServerSocket::getLocalPort, "TCP");
    }

    /**
     * {@code count} UDP ports nothing is bound to now, all different, picked as {@link #tcp(int)} picks them (a SIPp
     * that bound its SIP port and then failed to bind the same number for RTP left the capacity benchmark's phones
     * unreachable).
     */
    public static int[] udp(int count) {
        return distinct(count, () -> new DatagramSocket(0), DatagramSocket::getLocalPort, "UDP");
    }

    private interface Opener<S extends Closeable> {
        S open() throws IOException;
    }

    private static <S extends Closeable> int[] distinct(int count, Opener<S> opener, ToIntFunction<S> port,
                                                        String protocol) {
        List<S> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                S s = opener.open();
                held.add(s);
                ports[i] = port.applyAsInt(s);
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free " + protocol + " port", e);
        } finally {
            for (S s : held) {
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
