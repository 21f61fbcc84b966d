package org.mvtm.media.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.mvtm.core.Party;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.dtls.DtlsSrtpServer;
import org.mvtm.media.dtls.PostHandshakeRecords;
import org.mvtm.media.dtls.QueueDatagramTransport;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.srtp.SrtpContext;
import org.mvtm.media.srtp.SrtpKeys;
import org.mvtm.media.stun.IceLiteResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser leg: ICE-lite, DTLS-SRTP (server, passive), SRTP/SRTCP. The receive path, top to bottom:
 * <pre>
 *   datagram -> demux by first byte (RFC 7983)
 *     STUN  -> IceLiteResponder (answer, select peer, consent)
 *     DTLS  -> queue -> handshake thread (BouncyCastle DTLSServerProtocol) -> SRTP keys; the thread ends with the
 *              handshake, and later records (a retransmitted last flight, alerts) -> PostHandshakeRecords
 *     SRTP  -> SrtpContext.unprotectRtp (in place) -> Leg.rtpReceived -> session relay (tap, rewrite, protect, send)
 *     SRTCP -> SrtpContext.unprotectRtcp (in place) -> session feedback router (PLI/FIR/NACK to the sender)
 * </pre>
 * States: NEW (waiting for STUN) -> ICE_CONNECTED (valid check, DTLS running) -> CONNECTED (keys) -> CLOSED; a
 * timeout in NEW is IceFailed, in ICE_CONNECTED DtlsFailed, lost consent in CONNECTED is IceFailed.
 */
final class WebRtcLeg extends Leg {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcLeg.class);
    /** RFC 7675: consent expires 30 s after the last successful check. */
    static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(30);
    private final IceLiteResponder ice;
    private final DtlsSrtpServer dtls;
    private final QueueDatagramTransport dtlsTransport;
    private final PostHandshakeRecords dtlsRecords;
    private final byte[] stunOut = new byte[512];
    private volatile Instant iceConnectedAt;
    private volatile SrtpContext srtpIn;
    private volatile SrtpContext srtpOut;
    private volatile boolean failed;
    private Thread handshake;

    WebRtcLeg(String id, Party party, EmbeddedMediaSession session, DatagramChannel channel, Instant now,
              IceLiteResponder ice, DtlsSrtpServer dtls) {
        super(id, party, session, channel, now);
        this.ice = ice;
        this.dtls = dtls;
        this.dtlsTransport = new QueueDatagramTransport((b, o, l) -> {
            InetSocketAddress to = peer;
            if (to == null) {
                throw new IOException("no ICE-selected peer address yet");
            }
            channel.send(ByteBuffer.wrap(b, o, l), to);
        });
        this.dtlsRecords = new PostHandshakeRecords(dtlsTransport,
                job -> session.server.startThread("media-dtls-" + id, job));
    }

    @Override
    void start() {
        handshake = session.server.startThread("media-dtls-" + id, this::runDtls);
        super.start();
    }

    /** The DTLS handshake; the thread ends with it, and {@link #dtlsRecords} processes what arrives later. */
    private void runDtls() {
        try {
            dtls.onKeys(material -> {
                srtpOut = new SrtpContext(SrtpKeys.fromDtlsExport(material, false));
                srtpIn = new SrtpContext(SrtpKeys.fromDtlsExport(material, true));
            });
            DTLSTransport transport = new DTLSServerProtocol().accept(dtls, dtlsTransport);
            dtlsRecords.handshakeDone(transport);
            connect(session.server.clock.instant()); // false: failed or closed meanwhile
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.debug("DTLS handshake of leg {} failed", id, e);
                String reason = dtls.failure() != null ? dtls.failure() : "DTLS handshake failed: " + describe(e);
                fail(new MediaEvent.DtlsFailed(session.interaction(), id, reason, session.server.clock.instant()));
            }
        }
    }

    @Override
    void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, Instant now) {
        switch (Rtp.classify(buf, off, len)) {
            case STUN -> {
                IceLiteResponder.Verdict v = ice.handle(buf, off, len, from, now, stunOut);
                if (v == IceLiteResponder.Verdict.IGNORED) {
                    garbage(ice.lastError());
                    return;
                }
                sendRaw(stunOut, 0, ice.responseLength(), from);
                if (v == IceLiteResponder.Verdict.ANSWERED) {
                    peer = ice.selectedAddress();
                    if (state.tryMoveTo(LegState.ICE_CONNECTED)) {
                        iceConnectedAt = now;
                    }
                }
            }
            case DTLS -> {
                if (peer != null && peer.equals(from)) {
                    dtlsRecords.offer(buf, off, len);
                } else {
                    garbage("DTLS record from " + from + " before ICE selected it");
                }
            }
            case RTP -> {
                int n = unprotect(buf, off, len, from, false);
                if (n >= 0) {
                    rtpReceived(buf, off, n, now);
                }
            }
            case RTCP -> {
                int n = unprotect(buf, off, len, from, true);
                if (n >= 0) {
                    session.rtcpReceived(this, buf, off, n);
                }
            }
            default -> garbage(len + "-byte datagram from " + from + " is neither STUN, DTLS nor (S)RTP");
        }
    }

    /**
     * Decrypts an SRTP packet (an SRTCP one when {@code rtcp}) in place and returns its plain length, or -1 when it
     * is dropped: no keys yet, not from the address ICE selected, or failing authentication or the replay check.
     */
    private int unprotect(byte[] buf, int off, int len, InetSocketAddress from, boolean rtcp) {
        SrtpContext in = srtpIn;
        if (in == null || !from.equals(peer)) {
            return -1;
        }
        int n = rtcp ? in.unprotectRtcp(buf, off, len) : in.unprotectRtp(buf, off, len);
        if (n < 0) {
            garbage((rtcp ? "SRTCP" : "SRTP") + " packet failed authentication or replay check");
        }
        return n;
    }

    @Override
    boolean ready() {
        return connectedAt() != null && peer != null && !failed;
    }

    @Override
    int protectRtp(byte[] buf, int off, int len) {
        return srtpOut.protectRtp(buf, off, len);
    }

    @Override
    int protectRtcp(byte[] buf, int off, int len) {
        SrtpContext out = srtpOut;
        return out == null ? -1 : out.protectRtcp(buf, off, len);
    }

    @Override
    LegInfo.Transport transport() {
        return LegInfo.Transport.WEBRTC;
    }

    @Override
    void check(Instant now, Duration noMediaTimeout) {
        if (failed || closed) {
            return;
        }
        EmbeddedMediaServer server = session.server;
        if (iceConnectedAt == null) {
            if (Duration.between(createdAt, now).compareTo(server.config.iceTimeout()) >= 0) {
                fail(new MediaEvent.IceFailed(session.interaction(), id, "no valid STUN binding request within "
                        + server.config.iceTimeout().toMillis() + " ms" + lastIceError(), now));
            }
            return;
        }
        if (connectedAt() == null) {
            if (Duration.between(iceConnectedAt, now).compareTo(server.config.dtlsTimeout()) >= 0) {
                fail(new MediaEvent.DtlsFailed(session.interaction(), id, "DTLS handshake not completed within "
                        + server.config.dtlsTimeout().toMillis() + " ms after ICE", now));
            }
            return;
        }
        Instant consent = ice.lastValidRequest();
        if (consent != null && Duration.between(consent, now).compareTo(CONSENT_TIMEOUT) >= 0) {
            fail(new MediaEvent.IceFailed(session.interaction(), id, "ICE consent expired: no binding request for "
                    + Duration.between(consent, now).toSeconds() + " s", now));
            return;
        }
        super.check(now, noMediaTimeout);
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(" <- ").append(c);
        }
        return b.toString();
    }

    private String lastIceError() {
        String e = ice.lastError();
        return e == null || e.isEmpty() ? "" : " (last problem: " + e + ")";
    }

    private void fail(MediaEvent event) {
        if (!state.tryMoveTo(LegState.FAILED)) {
            return;
        }
        failed = true;
        session.publish(event);
        session.removeFailedLeg(this, event);
    }

    @Override
    void onClose() {
        dtlsTransport.close();
        Thread h = handshake;
        if (h != null && h != Thread.currentThread()) {
            try {
                h.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
