package org.mvtm.sip.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a port free for both UDP and TCP on an address (jain-sip wants a concrete port number). */
final class FreePorts {
    private FreePorts() {
    }

    static int find(String address) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
                    return port;
                } catch (IOException busyForUdp) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on " + address, e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + address + " after 50 attempts");
    }
}
