package org.mvtm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;

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

    /** A UDP port nothing is bound to now. */
    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port", e);
        }
    }
}
