package org.mvtm.server.journey;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.testing.LoopbackRtpSocket;

/**
 * A plain RTP phone on 127.0.0.1 speaking PCMU: its SDP, and packets sent to the port the relay's SDP names; it
 * counts what it hears.
 */
final class LoopbackPcmuPhone implements AutoCloseable {
    private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) ");
    final AtomicInteger heard = new AtomicInteger();
    private final LoopbackRtpSocket socket = new LoopbackRtpSocket(0, p -> heard.incrementAndGet());
    private final int ssrc;
    private int seq;

    LoopbackPcmuPhone(int ssrc) {
        this.ssrc = ssrc;
    }

    /** This phone's offer or answer: PCMU on its port. */
    String sdp() {
        return "v=0\r\no=- " + ssrc + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                + socket.port() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    /** {@code packets} packets of 20 ms to the port in the relay's {@code relaySdp}. */
    void send(String relaySdp, int packets) throws Exception {
        Matcher port = AUDIO_PORT.matcher(relaySdp);
        if (!port.find()) {
            throw new IllegalArgumentException("no audio port in " + relaySdp);
        }
        InetSocketAddress relay = new InetSocketAddress("127.0.0.1", Integer.parseInt(port.group(1)));
        for (int i = 0; i < packets; i++) {
            byte[] p = new byte[RtpHeader.LENGTH + 160];
            RtpHeader.write(p, 0, i == 0, 0, seq, seq * 160L, ssrc);
            seq++;
            socket.send(p, relay);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
