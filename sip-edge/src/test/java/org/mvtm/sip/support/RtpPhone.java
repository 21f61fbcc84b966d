package org.mvtm.sip.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.media.G711;
import org.mvtm.testing.LoopbackRtpSocket;

/**
 * The media end of a SIP phone in a test: one UDP socket on 127.0.0.1 that offers PCMU, sends a 440 Hz tone when
 * told to, and measures what it hears (packets, and the mean |sample| of the decoded PCMU since the last
 * {@link #resetHearing()}).
 */
public final class RtpPhone implements AutoCloseable {
    /** Amplitude of the tone a phone speaks: its mean |sample| (about 7 600) is far above any hold or queue music. */
    public static final int TONE = 12000;
    /** A listener that heard more than this on average heard a phone's tone, not music. */
    public static final double HEARS_TONE = 5000;
    private final LoopbackRtpSocket socket;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong energy = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong tonePackets = new AtomicLong();
    /** Packets heard since the last reset, by the UDP port they came from (which relay leg sent them). */
    private final Map<Integer, AtomicLong> bySourcePort = new ConcurrentHashMap<>();
    private int seq;
    private long timestamp;

    public RtpPhone() {
        this(0);
    }

    /** Binds {@code port} (a port the test named in an SDP it could not build itself, e.g. SIPp's). */
    public RtpPhone(int port) {
        socket = new LoopbackRtpSocket(port, this::heard);
    }

    public int port() {
        return socket.port();
    }

    /** This phone's SDP offer or answer: PCMU on its port, with {@code direction} (sendrecv, sendonly...). */
    public String sdp(String direction) {
        return "v=0\r\n"
                + "o=phone 7 7 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port() + " RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=" + direction + "\r\n";
    }

    /** Sends {@code count} 20 ms packets of a 440 Hz tone to the address and port the other side's SDP named. */
    public void speak(String theirSdp, int count) {
        InetSocketAddress to = mediaAddress(theirSdp);
        byte[] packet = new byte[12 + RtpPackets.SAMPLES];
        try {
            for (int n = 0; n < count; n++) {
                RtpPackets.tone(packet, seq++, timestamp, 7, TONE);
                timestamp += RtpPackets.SAMPLES;
                socket.send(packet, to);
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** RTP packets heard since the last reset. */
    public long packetsHeard() {
        return packets.get();
    }

    /** Mean |sample| of the PCMU heard since the last reset (0 when nothing was heard). */
    public double meanEnergy() {
        long n = samples.get();
        return n == 0 ? 0 : (double) energy.get() / n;
    }

    /** Packets heard since the last reset that carried another phone's tone (a voice), not music or silence. */
    public long tonePacketsHeard() {
        return tonePackets.get();
    }

    /** RTP packets heard from {@code port} (a relay leg's port, as its SDP named it) since the last reset. */
    public long packetsHeardFrom(int port) {
        AtomicLong n = bySourcePort.get(port);
        return n == null ? 0 : n.get();
    }

    public void resetHearing() {
        tonePackets.set(0);
        bySourcePort.clear();
        packets.set(0);
        energy.set(0);
        samples.set(0);
    }

    /** The c= address and m=audio port of an SDP. */
    public static InetSocketAddress mediaAddress(String sdp) {
        return RelayMedia.remoteOf(sdp);
    }

    /** The m=audio port of an SDP. */
    public static int audioPort(String sdp) {
        return mediaAddress(sdp).getPort();
    }

    private void heard(DatagramPacket p) {
        byte[] buf = p.getData();
        int pt = buf[1] & 0x7f;
        if (pt >= 72 && pt <= 76) {
            return; // RTCP
        }
        packets.incrementAndGet();
        bySourcePort.computeIfAbsent(p.getPort(), k -> new AtomicLong()).incrementAndGet();
        if (pt == 0) {
            long sum = 0;
            for (int i = LoopbackRtpSocket.HEADER; i < p.getLength(); i++) {
                sum += Math.abs(G711.ulawToLinear(buf[i]));
            }
            energy.addAndGet(sum);
            samples.addAndGet(p.getLength() - LoopbackRtpSocket.HEADER);
            if ((double) sum / (p.getLength() - LoopbackRtpSocket.HEADER) > HEARS_TONE) {
                tonePackets.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
