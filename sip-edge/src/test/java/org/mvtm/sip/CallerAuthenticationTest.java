package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;

/** Without trusted trunks, customers must authenticate with digest (407) before they are queued. */
class CallerAuthenticationTest {
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void unauthenticatedInviteIsChallengedThenQueuedAsTheAuthenticatedUser() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(40020));
            String challenge = bob.raw.finalResponse(3000).orElseThrow();
            assertThat(RawSip.status(challenge)).isEqualTo(407);
            assertThat(RawSip.header(challenge, "Proxy-Authenticate")).contains("qop=\"auth\"");
            call.ackFailure(challenge);
            call.authenticate(challenge, "bob-secret");
            assertThat(bob.response(183, 3000)).isPresent();
            await().until(() -> !f.routing.enqueued.isEmpty());
            assertThat(f.routing.enqueued.get(0).customer().id().value()).isEqualTo("bob");
        }
    }

    @Test
    void wrongPasswordIsForbiddenAndNothingIsQueued() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(40022));
            String challenge = bob.raw.finalResponse(3000).orElseThrow();
            call.ackFailure(challenge);
            call.authenticate(challenge, "guess");
            assertThat(RawSip.status(bob.raw.finalResponse(3000).orElseThrow())).isEqualTo(403);
            assertThat(f.routing.enqueued).isEmpty();
            await().until(() -> f.edge.metrics().rejected("auth-wrong") == 1);
        }
    }
}
