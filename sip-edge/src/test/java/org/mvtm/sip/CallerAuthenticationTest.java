package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.sip.api.SipMetrics;
import org.mvtm.sip.api.SipRejectionReasons;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;

/** Without trusted trunks, customers must authenticate with digest (407) before they are queued. */
class CallerAuthenticationTest {
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1));

    /** The caller's INVITE, challenged (the 407 ACKed), and sent again with {@code password}: the challenge. */
    private static String challengedThenAuthenticated(CustomerCallScript call, int rtpPort, String password) {
        call.sendInvite(RelayMedia.sdp(rtpPort));
        String challenge = call.peer.raw.finalResponse(3000).orElseThrow();
        call.ackFailure(challenge);
        call.authenticate(challenge, password);
        return challenge;
    }

    @Test
    void unauthenticatedInviteIsChallengedThenQueuedAsTheAuthenticatedUser() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            String challenge = challengedThenAuthenticated(new CustomerCallScript(bob, "cards"), 40020, "bob-secret");
            assertThat(RawSip.status(challenge)).isEqualTo(407);
            assertThat(RawSip.header(challenge, "Proxy-Authenticate")).contains("qop=\"auth\"");
            assertThat(bob.response(183, 3000)).isPresent();
            await().until(() -> !f.routing.enqueued.isEmpty());
            assertThat(f.routing.enqueued.get(0).customer().id().value()).isEqualTo("bob");
        }
    }

    @Test
    void wrongPasswordIsForbiddenAndNothingIsQueued() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            challengedThenAuthenticated(new CustomerCallScript(bob, "cards"), 40022, "guess");
            assertThat(RawSip.status(bob.raw.finalResponse(3000).orElseThrow())).isEqualTo(403);
            assertThat(f.routing.enqueued).isEmpty();
            await().until(() -> f.edge.metrics().rejected(SipRejectionReasons.AUTH_WRONG) == 1);
        }
    }

    /** An operator's alert on refused sign-ins or calls refused for load has its count, at zero, before the first. */
    @Test
    void theRefusalsAnOperatorAlertsOnAreCountedFromZeroBeforeTheFirst() {
        SipMetrics fresh = f.edge.metrics();
        for (String reason : SipRejectionReasons.COUNTED_FROM_START) {
            assertThat(fresh.rejectedByReason()).as(reason).containsEntry(reason, 0L);
        }
    }
}
