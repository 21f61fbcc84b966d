package org.mvtm.media.peer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.mvtm.core.media.BigEndian;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.dtls.DtlsCertificate;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.sdp.MediaDescription;
import org.mvtm.media.sdp.SessionDescription;
import org.mvtm.media.srtp.SrtpContext;
import org.mvtm.media.srtp.SrtpKeys;
import org.mvtm.media.stun.StunMessage;
import org.mvtm.media.stun.StunWriter;

/**
 * A scripted browser for tests and the benchmark: offers Opus + VP8 (payload types chosen by the caller), runs ICE
 * as the controlling agent with one host candidate, DTLS-SRTP as client, then sends and receives SRTP. Received
 * packets are counted per payload type; a payload that starts with the 8-byte send time (System.nanoTime) gives
 * one-way latency through the relay.
 */
public final class SyntheticWebRtcPeer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DatagramSocket socket;
    private final DtlsCertificate certificate;
    private final String ufrag = "p" + Long.toHexString(RANDOM.nextLong());
    private final String pwd = "pw" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
    /** The id this peer offers for the MID header extension (Firefox's number). */
    public static final int MID_ID = 3;
    private final AtomicLong receivedWithExtension = new AtomicLong();
    private final int audioPt;
    private final int videoPt;
    private final long audioSsrc = RANDOM.nextInt(1, Integer.MAX_VALUE);
    private final long videoSsrc = RANDOM.nextInt(1, Integer.MAX_VALUE);
    private final ConcurrentHashMap<Integer, AtomicLong> receivedByPt = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> videoBySsrc = new ConcurrentHashMap<>();
    private final AtomicLong rtcpReceived = new AtomicLong();
    /** Feedback received: "PLI ssrc", "FIR ssrc", "NACK ssrc pid". */
    public final java.util.List<String> feedbackReceived = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long lastVideoSsrcReceived;
    private volatile int lastVideoSeqReceived;
    private final AtomicLongArray latencyHistogramMicros = new AtomicLongArray(100_001);
    private InetSocketAddress remote;
    private SrtpContext out;
    private SrtpContext in;
    private Thread receiver;
    private DTLSTransport dtls;
    private volatile boolean losesServersFinalFlight;
    private int audioSeq;
    private int videoSeq;
    private long audioTs;
    private long videoTs;
    private final byte[] sendBuffer = new byte[2048];
    private volatile boolean closed;

    public SyntheticWebRtcPeer(int audioPt, int videoPt) throws IOException {
        this.audioPt = audioPt;
        this.videoPt = videoPt;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.certificate = DtlsCertificate.generate(Clock.systemUTC());
    }

    /** The offer; with {@code wrongFingerprint} it announces a fingerprint that is not its certificate's. */
    public String offer(boolean wrongFingerprint) {
        return offer(wrongFingerprint, 0);
    }

    /**
     * The offer with {@code extraCameras} more receive-only video m-sections (mids 2, 3, ...), as a call page that
     * shows the other participants of a three-way call each in a tile of its own.
     */
    public String offer(boolean wrongFingerprint, int extraCameras) {
        String fp = certificate.sha256Fingerprint();
        if (wrongFingerprint) {
            fp = (fp.startsWith("00") ? "01" : "00") + fp.substring(2);
        }
        int port = socket.getLocalPort();
        StringBuilder group = new StringBuilder("a=group:BUNDLE 0 1");
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < extraCameras; i++) {
            group.append(' ').append(2 + i);
            extra.append(String.join("\r\n", "m=video 0 UDP/TLS/RTP/SAVPF " + videoPt, "c=IN IP4 0.0.0.0",
                    "a=bundle-only", "a=mid:" + (2 + i), "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid",
                    "a=recvonly", "a=rtcp-mux", "a=rtcp-rsize", "a=rtpmap:" + videoPt + " VP8/90000",
                    "a=rtcp-fb:" + videoPt + " nack pli", "")).append("\r\n");
        }
        return String.join("\r\n",
                "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", group.toString(),
                "m=audio 9 UDP/TLS/RTP/SAVPF " + audioPt, "c=IN IP4 0.0.0.0",
                "a=candidate:1 1 udp 2130706431 127.0.0.1 " + port + " typ host",
                "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd, "a=fingerprint:sha-256 " + fp, "a=setup:actpass",
                "a=mid:0", "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid", "a=sendrecv", "a=rtcp-mux",
                "a=rtpmap:" + audioPt + " opus/48000/2",
                "a=ssrc:" + audioSsrc + " cname:synthetic",
                "m=video 9 UDP/TLS/RTP/SAVPF " + videoPt, "c=IN IP4 0.0.0.0",
                "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd, "a=fingerprint:sha-256 " + fp, "a=setup:actpass",
                "a=mid:1", "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid", "a=sendrecv", "a=rtcp-mux",
                "a=rtcp-rsize", "a=rtpmap:" + videoPt + " VP8/90000",
                "a=rtcp-fb:" + videoPt + " nack", "a=rtcp-fb:" + videoPt + " nack pli",
                "a=ssrc:" + videoSsrc + " cname:synthetic", "") + extra;
    }

    /** Runs ICE and the DTLS handshake against the answer; throws if either does not complete in time. */
    public void connect(String answer, Duration timeout) throws IOException {
        SessionDescription sdp = SessionDescription.parse(answer);
        MediaDescription m = sdp.media().get(0);
        remote = new InetSocketAddress(m.connectionAddress(), m.port());
        long deadline = System.nanoTime() + timeout.toNanos();
        iceCheck(m.iceUfrag(), m.icePwd(), deadline);
        DtlsSrtpClient client = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), certificate, m.fingerprint());
        dtls = new DTLSClientProtocol().connect(client, new SocketTransport(deadline));
        out = new SrtpContext(SrtpKeys.fromDtlsExport(client.keyingMaterial, true));
        in = new SrtpContext(SrtpKeys.fromDtlsExport(client.keyingMaterial, false));
        socket.setSoTimeout(0);
        receiver = Thread.ofVirtual().start(this::receiveLoop);
    }

    /**
     * Makes the next {@link #connect} lose the server's final DTLS flight (ChangeCipherSpec + Finished) until this
     * peer has retransmitted its own last flight, as a browser on a lossy network would: its handshake completes
     * only if the server answers the retransmission by sending its final flight again (RFC 6347 4.2.4).
     */
    public SyntheticWebRtcPeer losingTheServersFinalFlightOnce() {
        losesServersFinalFlight = true;
        return this;
    }

    /** Sends a DTLS close_notify alert, as a browser closing its peer connection does; media keys stay usable. */
    public void sendCloseNotify() throws IOException {
        dtls.close();
    }

    /** Only runs ICE (no DTLS): a peer that completes connectivity checks but never handshakes. */
    public void iceOnly(String answer, Duration timeout) throws IOException {
        SessionDescription sdp = SessionDescription.parse(answer);
        MediaDescription m = sdp.media().get(0);
        remote = new InetSocketAddress(m.connectionAddress(), m.port());
        iceCheck(m.iceUfrag(), m.icePwd(), System.nanoTime() + timeout.toNanos());
    }

    private void iceCheck(String serverUfrag, String serverPwd, long deadline) throws IOException {
        byte[] txn = new byte[12];
        byte[] req = new byte[512];
        byte[] resp = new byte[1500];
        while (System.nanoTime() < deadline) {
            RANDOM.nextBytes(txn);
            int n = new StunWriter(req, 0, StunMessage.BINDING_REQUEST, txn).username(serverUfrag + ":" + ufrag)
                    .priority(2130706431L).messageIntegrity(StunMessage.shortTermKey(serverPwd))
                    .finishWithFingerprint();
            socket.send(new DatagramPacket(req, n, remote));
            socket.setSoTimeout(200);
            try {
                DatagramPacket p = new DatagramPacket(resp, resp.length);
                socket.receive(p);
                if (StunMessage.isStun(resp, 0, p.getLength())) {
                    StunMessage s = StunMessage.parse(resp, 0, p.getLength());
                    if (s.type() == StunMessage.BINDING_SUCCESS
                            && s.integrityValid(StunMessage.shortTermKey(serverPwd))) {
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                // retransmit
            }
        }
        throw new IOException("ICE check to " + remote + " got no valid response");
    }

    /** Sends UDP bytes that are not STUN, DTLS or RTP to {@code target}. */
    public static void sendGarbage(InetSocketAddress target, int count) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] junk = new byte[100];
            for (int i = 0; i < count; i++) {
                RANDOM.nextBytes(junk);
                junk[0] = (byte) (64 + (i % 64)); // 64..127: no protocol of RFC 7983
                s.send(new DatagramPacket(junk, junk.length, target));
            }
        }
    }

    /** Sends one SRTP packet; the payload starts with the send time for latency measurement. */
    public synchronized void send(MediaKind kind, int payloadLength, boolean marker) throws IOException {
        boolean audio = kind == MediaKind.AUDIO;
        int seq = audio ? audioSeq++ : videoSeq++;
        long ts = audio ? (audioTs += 960) : (videoTs += 3000);
        RtpHeader.write(sendBuffer, 0, marker, audio ? audioPt : videoPt, seq & 0xFFFF, ts,
                audio ? audioSsrc : videoSsrc);
        long now = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            sendBuffer[12 + i] = (byte) (now >>> (56 - 8 * i));
        }
        int n = out.protectRtp(sendBuffer, 0, 12 + Math.max(8, payloadLength));
        socket.send(new DatagramPacket(sendBuffer, n, remote));
    }

    /**
     * Sends one SRTP packet carrying a one-byte header extension block (RFC 8285) with the MID {@code mid} (id
     * {@value #MID_ID}, as offered) and an audio-level element, as browsers send their first packets.
     */
    public synchronized void sendWithMid(MediaKind kind, String mid) throws IOException {
        boolean audio = kind == MediaKind.AUDIO;
        int seq = audio ? audioSeq++ : videoSeq++;
        long ts = audio ? (audioTs += 960) : (videoTs += 3000);
        RtpHeader.write(sendBuffer, 0, false, audio ? audioPt : videoPt, seq & 0xFFFF, ts,
                audio ? audioSsrc : videoSsrc);
        sendBuffer[0] |= 0x10;
        byte[] value = mid.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int elements = 2 + 1 + value.length; // audio level (id 1, 1 byte) + MID
        int words = (elements + 3) / 4;
        BigEndian.putUint16(sendBuffer, 12, 0xBEDE);
        BigEndian.putUint16(sendBuffer, 14, words);
        java.util.Arrays.fill(sendBuffer, 16, 16 + words * 4, (byte) 0);
        sendBuffer[16] = 0x10;
        sendBuffer[17] = (byte) 0x85;
        sendBuffer[18] = (byte) ((MID_ID << 4) | (value.length - 1));
        System.arraycopy(value, 0, sendBuffer, 19, value.length);
        int payload = 16 + words * 4;
        long now = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            sendBuffer[payload + i] = (byte) (now >>> (56 - 8 * i));
        }
        int n = out.protectRtp(sendBuffer, 0, payload + 100);
        socket.send(new DatagramPacket(sendBuffer, n, remote));
    }

    /** Packets received with a header extension block (the relay strips them, so this stays 0). */
    public long receivedWithExtension() {
        return receivedWithExtension.get();
    }

    /** Sends a PLI about the video stream it receives. */
    public synchronized void sendPli() throws IOException {
        sendPli(lastVideoSsrcReceived);
    }

    /** Sends a PLI about the received video stream {@code mediaSsrc}. */
    public synchronized void sendPli(long mediaSsrc) throws IOException {
        sendFeedback(206, 1, mediaSsrc, new byte[0]);
    }

    /** Sends a generic NACK for the last video sequence number it received. */
    public synchronized void sendNackForLastVideo() throws IOException {
        byte[] lostPacket = new byte[4]; // PID, and a BLP of 0: no other packet lost
        BigEndian.putUint16(lostPacket, 0, lastVideoSeqReceived);
        sendFeedback(205, 1, lastVideoSsrcReceived, lostPacket);
    }

    /** Sends a FIR (RFC 5104) about the video stream it receives. */
    public synchronized void sendFir() throws IOException {
        byte[] request = new byte[8]; // the SSRC asked for a keyframe, then the FIR sequence number
        BigEndian.putInt32(request, 0, lastVideoSsrcReceived);
        request[4] = 1;
        sendFeedback(206, 4, 0, request); // a FIR's media source is 0: the SSRC is in the request
    }

    /** Sends an RTCP feedback message (RFC 4585 section 6.1) of type {@code pt}/{@code fmt} from its video SSRC. */
    private void sendFeedback(int pt, int fmt, long mediaSsrc, byte[] fci) throws IOException {
        byte[] b = new byte[64];
        int length = 12 + fci.length;
        b[0] = (byte) (0x80 | fmt);
        b[1] = (byte) pt;
        BigEndian.putUint16(b, 2, length / 4 - 1);
        BigEndian.putInt32(b, 4, videoSsrc);
        BigEndian.putInt32(b, 8, mediaSsrc);
        System.arraycopy(fci, 0, b, 12, fci.length);
        socket.send(new DatagramPacket(b, out.protectRtcp(b, 0, length), remote));
    }

    public long videoSsrc() {
        return videoSsrc;
    }

    public long lastVideoSsrcReceived() {
        return lastVideoSsrcReceived;
    }

    private void receiveLoop() {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            switch (Rtp.classify(buf, 0, p.getLength())) {
                case RTP -> {
                    int n = in.unprotectRtp(buf, 0, p.getLength());
                    if (n >= 12 && (buf[0] & 0x10) != 0) {
                        receivedWithExtension.incrementAndGet();
                    }
                    if (n >= 20 && Rtp.payloadType(buf, 0) == videoPt) {
                        videoBySsrc.computeIfAbsent(RtpHeader.ssrc(buf, 0), k -> new AtomicLong()).incrementAndGet();
                        lastVideoSsrcReceived = RtpHeader.ssrc(buf, 0);
                        lastVideoSeqReceived = RtpHeader.sequence(buf, 0);
                    }
                    if (n >= 20) {
                        receivedByPt.computeIfAbsent(Rtp.payloadType(buf, 0), k -> new AtomicLong()).incrementAndGet();
                        long sent = 0;
                        for (int i = 0; i < 8; i++) {
                            sent = (sent << 8) | (buf[12 + i] & 0xFF);
                        }
                        long micros = Math.max(0, Math.min(100_000, (now - sent) / 1000));
                        latencyHistogramMicros.incrementAndGet((int) micros);
                    }
                }
                case RTCP -> {
                    int n = in.unprotectRtcp(buf, 0, p.getLength());
                    if (n > 0) {
                        rtcpReceived.incrementAndGet();
                        int pt = buf[1] & 0xFF;
                        int fmt = buf[0] & 0x1F;
                        if (pt == 206 && fmt == 1) {
                            feedbackReceived.add("PLI " + BigEndian.uint32(buf, 8));
                        } else if (pt == 206 && fmt == 4) {
                            feedbackReceived.add("FIR " + BigEndian.uint32(buf, 12));
                        } else if (pt == 205 && fmt == 1) {
                            feedbackReceived.add("NACK " + BigEndian.uint32(buf, 8) + " " + BigEndian.uint16(buf, 12));
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Forgets counts and latencies (after a warm-up). */
    public void resetStats() {
        receivedByPt.clear();
        videoBySsrc.clear();
        for (int i = 0; i < latencyHistogramMicros.length(); i++) {
            latencyHistogramMicros.set(i, 0);
        }
    }

    /** Video packets received per SSRC (one SSRC per camera the relay sends this peer). */
    public java.util.Map<Long, Long> videoPacketsBySsrc() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        videoBySsrc.forEach((ssrc, n) -> counts.put(ssrc, n.get()));
        return counts;
    }

    public long received(int payloadType) {
        AtomicLong c = receivedByPt.get(payloadType);
        return c == null ? 0 : c.get();
    }

    public long receivedTotal() {
        return receivedByPt.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long rtcpReceived() {
        return rtcpReceived.get();
    }

    /** Latency histogram in microseconds (index = micros, last bucket = 100 ms or more). */
    public AtomicLongArray latencyHistogramMicros() {
        return latencyHistogramMicros;
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        Thread r = receiver;
        if (r != null) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** DTLS over the peer's socket during the handshake (only DTLS records are passed up). */
    private final class SocketTransport implements DatagramTransport {
        private final long deadline;
        private boolean lostFinalFlight;

        SocketTransport(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public int getReceiveLimit() {
            return 1500;
        }

        @Override
        public int getSendLimit() {
            return 1200;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            long waitEnds = System.nanoTime() + Math.max(1, waitMillis) * 1_000_000L;
            for (long now = System.nanoTime(); now < waitEnds; now = System.nanoTime()) {
                if (now > deadline) {
                    throw new IOException("DTLS handshake deadline passed");
                }
                socket.setSoTimeout((int) Math.max(1, (waitEnds - now) / 1_000_000L));
                DatagramPacket p = new DatagramPacket(buf, off, len);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return -1;
                }
                if (Rtp.classify(buf, off, p.getLength()) != Rtp.Demux.DTLS) {
                    return -1;
                }
                if (!losesThisRecord(buf, off, p.getLength())) {
                    return p.getLength();
                }
            }
            return -1;
        }

        /** While losing the server's final flight: a ChangeCipherSpec record, or any record of epoch 1 or later. */
        private boolean losesThisRecord(byte[] buf, int off, int len) {
            boolean finalFlight = len >= 13 && (buf[off] == 20 || BigEndian.uint16(buf, off + 3) > 0);
            if (finalFlight && losesServersFinalFlight) {
                lostFinalFlight = true;
                return true;
            }
            return false;
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            if (lostFinalFlight) {
                losesServersFinalFlight = false; // this is the retransmission: the server's answer gets through
            }
            socket.send(new DatagramPacket(buf, off, len, remote));
        }

        @Override
        public void close() {
        }
    }
}
