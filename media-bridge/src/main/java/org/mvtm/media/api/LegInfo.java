package org.mvtm.media.api;

import java.net.InetSocketAddress;
import java.util.List;
import org.mvtm.core.Party;
import org.mvtm.core.media.PayloadType;

/** Snapshot of one leg: transport, local media port and negotiated payload types. */
public record LegInfo(String legId, Party party, Transport transport, InetSocketAddress localAddress,
                      List<PayloadType> payloadTypes, boolean connected, boolean onHold) {
    public LegInfo {
        payloadTypes = List.copyOf(payloadTypes);
    }

    /** WEBRTC = ICE-lite + DTLS-SRTP (browser); RTP = plain RTP/AVP (SIP). */
    public enum Transport { WEBRTC, RTP }
}
