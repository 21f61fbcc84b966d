package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.FloodLimits;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;

class FloodProtectionTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
            .flood(new FloodLimits(1, 3, Duration.ofSeconds(7))), clock, RegistrationStores.inMemory());

    @Test
    void floodFromOneAddressGets503WithRetryAfterButTheEstablishedCallIsNeverDropped() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob"); SipPeer flooder = SipPeer.udp(f.udp(), "mallory")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(42000));
            assertThat(bob.response(183, 3000)).isPresent();
            await().until(() -> !f.routing.enqueued.isEmpty());
            Interaction interaction = f.routing.enqueued.get(0);
            f.routing.offer(interaction.id(), AgentId.of("anna"), clock.instant().plusSeconds(30));
            f.routing.acceptFromWeb(interaction.id(), AgentId.of("anna"));
            String ok = bob.response(200, 3000).orElseThrow();
            call.ack(ok);

            // the same address (127.0.0.1) now floods with OPTIONS: the bucket (burst 3, 1/s, clock frozen) empties
            int rejected = 0;
            for (int i = 0; i < 10; i++) {
                flooder.raw.send(flooder.raw.options("flood-" + i));
                String answer = flooder.raw.finalResponse(3000).orElseThrow();
                if (RawSip.status(answer) == 503) {
                    assertThat(RawSip.header(answer, "Retry-After")).isEqualTo("7");
                    rejected++;
                }
            }
            assertThat(rejected).isGreaterThanOrEqualTo(7);
            await().until(() -> f.edge.metrics().rejected("flood") >= 7);

            // in-dialog requests of the established call still pass
            call.reinvite(SipPeer.contactUri(ok), java.util.Map.of(), RelayMedia.sdp(42000));
            assertThat(bob.response(200, 3000)).isPresent();
            call.bye(SipPeer.contactUri(ok));
            assertThat(bob.response(200, 3000)).isPresent();
            await().until(() -> f.events(InteractionEnded.class).size() == 1);

            // and the bucket refills with time
            clock.advance(Duration.ofSeconds(5));
            flooder.raw.send(flooder.raw.options("after-refill"));
            assertThat(RawSip.status(flooder.raw.finalResponse(3000).orElseThrow())).isEqualTo(200);
        }
    }
}
