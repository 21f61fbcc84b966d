package org.mvtm.media.embedded;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.rtp.Rtp;

/**
 * A SIP leg: plain RTP/AVP on one port. The peer address comes from the SDP and is latched to the source of the
 * first RTP packet (symmetric RTP, as SIP phones behind NAT need). Connected once the peer is known and the first
 * packet arrived, or at once when the SDP named the peer.
 */
final class RtpLeg extends Leg {
    private volatile Instant connectedAt;
    private volatile boolean latched;

    RtpLeg(String id, String party, EmbeddedMediaSession session, DatagramChannel channel, Instant now) {
        super(id, party, session, channel, now);
    }

    /** The peer address from the SDP (c= and m= port). */
    void remote(InetSocketAddress address) {
        if (!latched) {
            peer = address;
        }
        if (state.tryMoveTo(LegState.CONNECTED)) {
            connectedAt = session.server.clock.instant();
            session.publish(new MediaEvent.LegConnected(session.interaction(), id, connectedAt));
            session.legReady(this);
        }
    }

    @Override
    void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, Instant now) {
        switch (Rtp.classify(buf, off, len)) {
            case RTP -> {
                if (!latched || !from.equals(peer)) {
                    if (latched) {
                        return;
                    }
                    latched = true;
                    peer = from;
                    if (state.tryMoveTo(LegState.CONNECTED)) {
                        connectedAt = now;
                        session.publish(new MediaEvent.LegConnected(session.interaction(), id, now));
                        session.legReady(this);
                    }
                }
                rtpReceived(buf, off, len, now);
            }
            case RTCP -> {
                if (from.equals(peer)) {
                    session.rtcpReceived(this, buf, off, len);
                }
            }
            default -> garbage(len + "-byte datagram from " + from + " is not RTP");
        }
    }

    @Override
    boolean ready() {
        return peer != null && connectedAt != null;
    }

    @Override
    int protectRtp(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    int protectRtcp(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    LegInfo.Transport transport() {
        return LegInfo.Transport.RTP;
    }

    @Override
    Instant connectedAt() {
        return connectedAt;
    }
}
