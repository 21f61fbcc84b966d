package org.mvtm.media.embedded;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.List;
import org.mvtm.core.Party;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.RtpOfferAnswer;

/**
 * A SIP leg: plain RTP/AVP on one port. The peer address comes from the SDP and is latched to the source of the
 * first RTP packet (symmetric RTP, as SIP phones behind NAT need). Connected once the peer is known and the first
 * packet arrived, or at once when the SDP named the peer.
 */
final class RtpLeg extends Leg {
    private volatile boolean latched;
    /** The SDP the bridge gives this peer (one o= session, its version growing with every offer and answer). */
    private final RtpOfferAnswer sdp = new RtpOfferAnswer();

    RtpLeg(String id, Party party, EmbeddedMediaSession session, DatagramChannel channel, Instant now) {
        super(id, party, session, channel, now);
    }

    /** The bridge's SDP offer for this leg (the first SDP it gives the peer). */
    String offer(String address, List<Codec> codecs) {
        return sdp.offer(address, local.getPort(), codecs);
    }

    /** The answer to the peer's (re-)offer: this leg's port, the chosen codecs, the direction seen from the bridge. */
    String answer(String address, RtpOfferAnswer.Terms terms) {
        return sdp.answer(address, local.getPort(), terms);
    }

    /** Which way the peer's latest SDP lets media flow; a peer that receives again continues where it stopped. */
    void directions(boolean sends, boolean receives) {
        if (receives && !peerReceives) {
            resumeAfterPause();
        }
        peerSends = sends;
        peerReceives = receives;
    }

    /** A re-offer named a new address: send there, and latch again to the source of its next RTP packet. */
    void repoint(InetSocketAddress address) {
        if (address.equals(peer)) {
            return;
        }
        latched = false;
        peer = address;
        remote(address);
    }

    /** The peer address from the SDP (c= and m= port). */
    void remote(InetSocketAddress address) {
        if (!latched) {
            peer = address;
        }
        connect(session.server.clock.instant());
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
                    connect(now);
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
        return peer != null && connectedAt() != null;
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
}
