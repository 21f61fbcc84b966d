package org.mvtm.media.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.mvtm.core.media.RtpHeader;

/** A plain RTP endpoint (a SIP phone's media) for the plain-RTP comparison: PCMU audio + "video" padding packets. */
final class PlainRtpPeer implements AutoCloseable {
    final DatagramSocket socket;
    final AtomicLong received = new AtomicLong();
    final AtomicLongArray latencyMicros = new AtomicLongArray(100_001);
    private final byte[] buf = new byte[1500];
    private final long ssrc = (long) (Math.random() * Integer.MAX_VALUE);
    private int seq;
    volatile InetSocketAddress remote;
    private final Thread rx;

    PlainRtpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        rx = Thread.ofVirtual().start(this::receive);
    }

    String offer() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                + socket.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    synchronized void send(int payload) throws IOException {
        RtpHeader.write(buf, 0, false, 0, seq++ & 0xFFFF, seq * 160L, ssrc);
        long now = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            buf[12 + i] = (byte) (now >>> (56 - 8 * i));
        }
        socket.send(new DatagramPacket(buf, 12 + payload, remote));
    }

    private void receive() {
        byte[] b = new byte[2048];
        DatagramPacket p = new DatagramPacket(b, b.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(b.length);
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (p.getLength() < 20) {
                continue;
            }
            long sent = 0;
            for (int i = 0; i < 8; i++) {
                sent = (sent << 8) | (b[12 + i] & 0xFF);
            }
            latencyMicros.incrementAndGet((int) Math.max(0, Math.min(100_000, (System.nanoTime() - sent) / 1000)));
            received.incrementAndGet();
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            rx.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
