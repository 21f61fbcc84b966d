package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mvtm.media.peer.SyntheticWebRtcPeer;

/**
 * What a browser leg does with DTLS records that arrive after its handshake: a browser that lost the relay's final
 * flight retransmits its own and is answered, and a close_notify ends DTLS for the leg; no thread of the leg waits
 * for such records for the rest of the call.
 */
class DtlsAfterTheHandshakeTest extends EmbeddedMediaOnLoopback {

    @Test
    void aBrowserThatLostTheRelaysFinalFlightRetransmitsIsAnsweredAndItsMediaFlows() throws Exception {
        SyntheticWebRtcPeer lossy = new SyntheticWebRtcPeer(111, 96).losingTheServersFinalFlightOnce();
        try (SyntheticCall call = new SyntheticCall(media, "lost-final-flight", lossy)) {
            call.exchangeBothWaysAndWait(5);
        }
    }

    @Test
    void noThreadOfABrowserLegOutlivesItsHandshake() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "no-dtls-thread")) {
            // two legs registered with the I/O loops, and no thread of theirs while the call is up
            await().atMost(Duration.ofSeconds(5)).until(() -> media.mediaThreads() == 2);
            call.exchangeBothWaysAndWait(5);
            assertThat(media.mediaThreads()).isEqualTo(2);
        }
    }

    @Test
    void aCloseNotifyFromTheBrowserLeavesNoThreadRunningAndTheCallsMediaFlowing() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "close-notify")) {
            call.customer.sendCloseNotify();
            await().atMost(Duration.ofSeconds(5)).until(() -> media.mediaThreads() == 2);
            call.exchangeBothWaysAndWait(5);
        }
    }
}
