package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServers;

/** A receiver's PLI, NACK and FIR reach the original sender with the sender's own SSRC and sequence numbers. */
class RtcpFeedbackForwardingTest {

    @Test
    void pliNackAndFirFromTheAdvisorReachTheCustomerWithItsOwnSsrcAndSequence() throws Exception {
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(
                EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC());
             SyntheticCall call = new SyntheticCall(media, "feedback")) {
            call.exchange(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.received(100) == 3);
            // the advisor sees the bridge's SSRC, not the customer's
            assertThat(call.advisor.lastVideoSsrcReceived()).isNotEqualTo(call.customer.videoSsrc());
            call.advisor.sendPli();
            call.advisor.sendNackForLastVideo();
            call.advisor.sendFir();
            await().atMost(Duration.ofSeconds(5)).until(() -> call.customer.feedbackReceived.size() >= 3);
            // customer's video seq numbers were 0,1,2 and the bridge kept them (single source, no gap)
            assertThat(call.customer.feedbackReceived).contains("PLI " + call.customer.videoSsrc(),
                    "NACK " + call.customer.videoSsrc() + " 2", "FIR " + call.customer.videoSsrc());
        }
    }
}
