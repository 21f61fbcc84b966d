package org.mvtm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Consumer;

/**
 * The UDP socket of a test's RTP peer: bound on 127.0.0.1, it hands every RTP packet it receives (version 2, longer
 * than the 12-byte header) to a handler on its own virtual thread until it is closed. The packet's buffer is reused
 * for the next one, so the handler reads what it needs before it returns.
 */
public final class LoopbackRtpSocket implements AutoCloseable {
    /** The length of an RTP header without CSRCs or extension. */
    public static final int HEADER = 12;

    private final DatagramSocket socket;
    private final Thread listener;

    /** Binds {@code port} (0 for a free one) and starts handing received RTP packets to {@code onPacket}. */
    public LoopbackRtpSocket(int port, Consumer<DatagramPacket> onPacket) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener = Thread.ofVirtual().start(() -> listen(onPacket));
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void send(byte[] packet, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, to));
    }

    private void listen(Consumer<DatagramPacket> onPacket) {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                if (p.getLength() > HEADER && (buf[0] & 0xC0) == 0x80) {
                    onPacket.accept(p);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        listener.interrupt();
    }
}
