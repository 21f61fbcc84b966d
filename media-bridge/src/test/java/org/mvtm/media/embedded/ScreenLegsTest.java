package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.peer.SyntheticWebRtcPeer;
import org.mvtm.media.testing.CountingSink;

/**
 * An advisor's shared screen (issue 22) on a screen leg of its own, with scripted DTLS-SRTP peers: it reaches only the
 * customer's screen leg (never a camera leg), the cameras keep reaching only each other, and the recording keeps the
 * advisor's screen as a leg of its own kind while the customer's watching leg is not recorded.
 */
class ScreenLegsTest extends EmbeddedMediaOnLoopback {
    @Test
    void anAdvisorsScreenReachesOnlyTheCustomersScreenLegAndIsRecordedAsALegOfItsOwn() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "screen");
             SyntheticWebRtcPeer advisorScreen = new SyntheticWebRtcPeer(107, 102);
             SyntheticWebRtcPeer customerScreen = new SyntheticWebRtcPeer(113, 98)) {
            CountingSink sink = CountingSink.recording(call.session);
            advisorScreen.connect(call.session.addScreenLeg("advisor-screen", Party.ADVISOR,
                    advisorScreen.offer(false)), Duration.ofSeconds(10));
            customerScreen.connect(call.session.addScreenLeg("customer-screen", Party.CUSTOMER,
                    customerScreen.offer(false)), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> call.session.legs().stream()
                    .allMatch(LegInfo::connected));

            for (int i = 0; i < 20; i++) {
                advisorScreen.send(MediaKind.VIDEO, 1000, i == 0);
            }
            call.exchange(10);
            await().atMost(Duration.ofSeconds(5)).until(() -> customerScreen.received(98) == 20
                    && call.customer.received(96) == 10 && call.advisor.received(100) == 10
                    && sink.count("advisor-screen", MediaKind.VIDEO) == 20);
            assertThat(call.customer.received(96)).as("the customer's camera leg gets the advisor's camera only")
                    .isEqualTo(10);
            assertThat(call.advisor.received(100)).as("the advisor gets the customer's camera only").isEqualTo(10);
            assertThat(customerScreen.received(98)).as("the screen leg gets no camera frames").isEqualTo(20);
            assertThat(customerScreen.received(113)).as("nor any audio").isZero();
            assertThat(sink.legs.get("advisor-screen").kind()).isEqualTo(LegKind.SCREEN);
            assertThat(sink.legs.get("advisor").kind()).isEqualTo(LegKind.CALL);
            assertThat(sink.legs).as("the customer's watching leg is not recorded").doesNotContainKey("customer-screen");
        }
    }

    @Test
    void aSupervisorCannotHaveAScreenLeg() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "screen-supervisor");
             SyntheticWebRtcPeer peer = new SyntheticWebRtcPeer(107, 102)) {
            assertThatThrownBy(() -> call.session.addScreenLeg("s", Party.SUPERVISOR, peer.offer(false)))
                    .isInstanceOf(MediaException.class).hasMessageContaining("'supervisor'");
            assertThat(call.session.legs()).extracting(LegInfo::legId).containsExactlyInAnyOrder("customer", "advisor");
        }
    }
}
