package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.api.SipCallbackSettings;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;
import org.mvtm.testing.FreePorts;

/**
 * In-queue callbacks the trunk cannot complete, on an edge with in-test routing and media: a caller whose asserted
 * number is not E.164 is refused with the reason on the record and stays an ordinary caller (hanging up abandons); a
 * caller with a good number asks, hangs up and keeps their place; when an advisor accepts, the first try gets no
 * response within the ring timeout (the trunk's late 180 then gets the CANCEL, RFC 3261 9.1), the second rings and
 * is not answered (cancelled at the ring timeout), the third is refused (486), and after the last try the outcome
 * FAILED is recorded and the interaction ends.
 */
class CallbackThroughTheTrunkTest {

    @Test
    void aBadNumberIsRefusedAndACallbackTheTrunkNeverCompletesIsRetriedThenRecordedAsFailed() throws Exception {
        int edgePort = FreePorts.udp();
        try (SipPeer trunk = SipPeer.udp(edgePort, "trunk")) {
            SipCallbackSettings settings = new SipCallbackSettings(
                    Optional.of("127.0.0.1:" + trunk.raw.localPort()), '1', 3, Duration.ofMillis(300),
                    Duration.ofSeconds(1), null);
            EdgeFixture f = new EdgeFixture(b -> b.udpPort(edgePort).tcpPort(-1).tlsPort(-1)
                    .trustedTrunks(Set.of("127.0.0.1")), settings);
            try (SipPeer withheld = SipPeer.udp(f.udp(), "anon");
                 SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
                CustomerCallScript refused = call(f, withheld, "<tel:5551234>");
                Interaction first = f.routing.enqueued.get(0);
                await().until(() -> system(f).stream().anyMatch(l -> l.startsWith("callback refused: '5551234' is not "
                        + "an E.164 number")));
                refused.cancel();
                refused.ackFailure(withheld.response(487, 3000).orElseThrow());
                await().until(() -> f.routing.abandoned.contains(first.id()));

                CustomerCallScript asked = call(f, bob, "<tel:+85291234567>");
                Interaction waiting = f.routing.enqueued.get(1);
                await().until(() -> f.events(CallbackRequested.class).stream()
                        .anyMatch(e -> e.interaction().equals(waiting.id()) && e.number().equals("+85291234567")));
                asked.cancel();
                asked.ackFailure(bob.response(487, 3000).orElseThrow());
                await().until(() -> f.media.calls.contains("removeLeg CUSTOMER " + waiting.id()));
                assertThat(f.routing.abandoned).as("the caller who asked keeps their place").doesNotContain(waiting.id());
                assertThat(f.media.released(waiting.id())).isFalse();

                f.routing.offer(waiting.id(), AgentId.of("anna"), Instant.now().plusSeconds(30));
                f.routing.acceptFromWeb(waiting.id(), AgentId.of("anna"));
                String silentTry = invite(trunk, "none");
                assertThat(silentTry).startsWith("INVITE sip:+85291234567@127.0.0.1:" + trunk.raw.localPort()
                        + ";user=phone SIP/2.0");
                assertThat(RawSip.body(silentTry)).contains("m=audio");
                String firstTry = invite(trunk, RawSip.header(silentTry, "Call-ID")); // after the ring timeout
                trunk.raw.send(trunk.response(silentTry, 180, "Ringing", "t0", null)); // the first try rings late
                assertThat(trunk.raw.next(3000, m -> m.startsWith("CANCEL ")))
                        .as("the first try is cancelled once it rings").hasValueSatisfying(cancel -> assertThat(
                                RawSip.header(cancel, "Call-ID")).isEqualTo(RawSip.header(silentTry, "Call-ID")));
                trunk.raw.send(trunk.response(firstTry, 180, "Ringing", "t1", null)); // and never answers
                String secondTry = invite(trunk, RawSip.header(firstTry, "Call-ID"));
                assertThat(RawSip.header(secondTry, "Call-ID")).isNotEqualTo(RawSip.header(silentTry, "Call-ID"));
                trunk.raw.send(trunk.response(secondTry, 486, "Busy Here", "t2", null));

                await().until(() -> f.routing.ended.stream().anyMatch(e -> e.interaction().equals(waiting.id())
                        && e.endedBy() == InteractionEnded.EndedBy.SYSTEM));
                assertThat(system(f)).as("each try and the outcome, on the conversation's record")
                        .contains("callback requested at +85291234567 (key 1); the caller keeps their place in the queue",
                                "callback try 1 to +85291234567 failed (no answer within 1 s); next try in 300 ms",
                                "callback try 2 to +85291234567 failed (no answer within 1 s); next try in 300 ms",
                                "callback FAILED: +85291234567 not reached after 3 tries (last: the trunk answered 486 "
                                        + "Busy Here)");
                await().until(() -> f.media.released(waiting.id()));
            } finally {
                f.close();
            }
        }
    }

    /** A trusted-trunk caller with {@code asserted} identity, queued with early media, who presses 1 by SIP INFO. */
    private static CustomerCallScript call(EdgeFixture f, SipPeer peer, String asserted) {
        int before = f.routing.enqueued.size();
        CustomerCallScript call = new CustomerCallScript(peer, "cards");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("P-Asserted-Identity", asserted);
        call.sendInvite(h, RelayMedia.sdp(40000));
        call.remoteTag = SipPeer.tag(RawSip.header(peer.response(183, 3000).orElseThrow(), "To"));
        await().until(() -> f.routing.enqueued.size() > before);
        peer.raw.send(peer.request("INFO", call.ruri(), call.callId, call.fromTag, call.to(), 2, Map.of(),
                "application/dtmf-relay", "Signal=1\r\nDuration=160\r\n"));
        assertThat(peer.response(200, 3000)).as("the INFO is answered").isPresent();
        return call;
    }

    /** The trunk's next INVITE of a call other than {@code previousCallId} (whose INVITE may be retransmitted). */
    private static String invite(SipPeer trunk, String previousCallId) {
        return trunk.raw.next(10_000, m -> m.startsWith("INVITE ") && !previousCallId.equals(RawSip.header(m, "Call-ID")))
                .orElseThrow(() -> new AssertionError("the trunk got no INVITE"));
    }

    private static List<String> system(EdgeFixture f) {
        return f.events(ChatMessagePosted.class).stream()
                .filter(e -> e.speaker() == org.mvtm.core.TranscriptTurn.Speaker.SYSTEM).map(ChatMessagePosted::text)
                .toList();
    }
}
