package org.mvtm.media.embedded;

import org.junit.jupiter.api.Test;
import org.mvtm.media.peer.SyntheticWebRtcPeer;

/** What a browser leg does with DTLS records that arrive after its handshake. */
class DtlsAfterTheHandshakeTest extends EmbeddedMediaOnLoopback {

    @Test
    void aBrowserThatLostTheRelaysFinalFlightRetransmitsIsAnsweredAndItsMediaFlows() throws Exception {
        SyntheticWebRtcPeer lossy = new SyntheticWebRtcPeer(111, 96).losingTheServersFinalFlightOnce();
        try (SyntheticCall call = new SyntheticCall(media, "lost-final-flight", lossy)) {
            call.exchangeBothWaysAndWait(5);
        }
    }
}
