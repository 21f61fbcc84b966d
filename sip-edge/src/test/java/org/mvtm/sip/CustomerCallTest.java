package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;

class CustomerCallTest {
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1")));

    private Interaction queued(CustomerCallScript call) {
        String progress = call.peer.response(183, 3000).orElseThrow();
        assertThat(RawSip.header(progress, "Content-Type")).isEqualTo("application/sdp");
        assertThat(RawSip.body(progress)).contains("m=audio");
        call.remoteTag = SipPeer.tag(RawSip.header(progress, "To"));
        await().until(() -> !f.routing.enqueued.isEmpty());
        return f.routing.enqueued.get(0);
    }

    /** The caller's INVITE with {@code sdp}, queued with early media. */
    private Interaction queuedInvite(CustomerCallScript call, String sdp) {
        call.sendInvite(sdp);
        return queued(call);
    }

    /** Anna accepts the queued call in her web console: the caller's 200 OK (not yet ACKed). */
    private String answeredByAnna(Interaction interaction, SipPeer caller) {
        f.routing.offer(interaction.id(), AgentId.of("anna"), Instant.now().plusSeconds(30));
        f.routing.acceptFromWeb(interaction.id(), AgentId.of("anna"));
        return caller.response(200, 3000).orElseThrow(() -> new AssertionError("no 200 OK after anna accepted"));
    }

    /** The advisor ends the call from the web console. */
    private void advisorHangsUp(Interaction interaction) {
        f.bus.publish(new InteractionEnded(Instant.now(), interaction.id(), InteractionEnded.EndedBy.ADVISOR));
    }

    /** A caller's call to the cards queue, queued and then accepted by Anna: its 200 OK is not yet ACKed. */
    private record AnsweredCall(CustomerCallScript script, Interaction interaction, String ok) {
        void ack() {
            script.ack(ok);
        }

        String contact() {
            return SipPeer.contactUri(ok);
        }
    }

    /** The caller's INVITE (media at {@code rtpPort}) to the cards queue, queued and accepted by Anna. */
    private AnsweredCall answeredCall(SipPeer caller, int rtpPort) {
        CustomerCallScript call = new CustomerCallScript(caller, "cards");
        Interaction interaction = queuedInvite(call, RelayMedia.sdp(rtpPort));
        return new AnsweredCall(call, interaction, answeredByAnna(interaction, caller));
    }

    @Test
    void trunkCallIsQueuedWithEarlyMediaAndAnsweredWhenAnAdvisorAccepts() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Supported", "timer");
            h.put("Session-Expires", "1800");
            h.put("Accept-Language", "yue");
            call.sendInvite(h, RelayMedia.sdp(40000));
            assertThat(bob.response(100, 3000)).isPresent();
            Interaction interaction = queued(call);
            assertThat(interaction.queue().value()).isEqualTo("cards");
            assertThat(interaction.channel()).isEqualTo(Channel.VOICE);
            assertThat(interaction.language().tag()).isEqualTo("yue");
            assertThat(interaction.customer().id().value()).isEqualTo("bob");
            assertThat(f.media.calls).contains("announce " + interaction.id());

            String ok = answeredByAnna(interaction, bob);
            assertThat(RawSip.body(ok)).contains("m=audio");
            assertThat(RawSip.header(ok, "Session-Expires")).isEqualTo("1800;refresher=uac");
            assertThat(RawSip.header(ok, "Require")).isEqualTo("timer");
            call.ack(ok);

            call.bye(SipPeer.contactUri(ok));
            assertThat(bob.response(200, 3000)).isPresent();
            await().until(() -> f.events(InteractionEnded.class).stream()
                    .anyMatch(e -> e.interaction().equals(interaction.id())
                            && e.endedBy() == InteractionEnded.EndedBy.CUSTOMER));
            await().until(() -> f.media.released(interaction.id()));
            assertThat(f.routing.ended).as("the customer's BYE ends the interaction in routing, once")
                    .singleElement().extracting(InteractionEnded::interaction).isEqualTo(interaction.id());
            assertThat(f.routing.advisors.get(AgentId.of("anna"))).as("the advisor goes to wrap-up, not stuck BUSY")
                    .isEqualTo(AdvisorState.WRAP_UP);
            assertThat(f.edge.metrics().callsOffered()).isEqualTo(1);
            assertThat(f.edge.metrics().callsAnswered()).isEqualTo(1);
            await().until(() -> f.edge.metrics().activeCalls() == 0);
        }
    }

    /**
     * RFC 3261 13.3.1.1: a caller nobody answers yet gets a 183 again every progress interval (here 1 s; a minute by
     * default). Without it, a proxy on the way cancels a call that waits longer than its INVITE timer (Kamailio's
     * fr_inv_timer: 2 minutes by default, started again by each provisional response): the customer would be lost in
     * the queue.
     */
    @Test
    void aCallerWaitingInTheQueueGetsA183EveryIntervalInTheSameDialogAndIsStillAnswered() {
        try (EdgeFixture edge = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
                .earlyProgress(Duration.ofSeconds(1)));
             SipPeer bob = SipPeer.udp(edge.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(40010));
            String first = bob.response(183, 3000).orElseThrow();
            call.remoteTag = SipPeer.tag(RawSip.header(first, "To"));
            await().until(() -> !edge.routing.enqueued.isEmpty());
            Interaction interaction = edge.routing.enqueued.get(0);

            List<String> progress = new ArrayList<>();
            long until = System.currentTimeMillis() + 3500;
            while (System.currentTimeMillis() < until) {
                bob.raw.receive((int) Math.max(1, until - System.currentTimeMillis()))
                        .filter(m -> RawSip.status(m) == 183).ifPresent(progress::add);
            }
            edge.routing.offer(interaction.id(), AgentId.of("anna"), Instant.now().plusSeconds(30));
            edge.routing.acceptFromWeb(interaction.id(), AgentId.of("anna"));
            String ok = bob.response(200, 3000).orElseThrow(() -> new AssertionError(
                    "the caller waited 3.5 s in the queue and was not answered"));
            call.ack(ok);
            assertThat(RawSip.header(ok, "To")).contains("tag=" + call.remoteTag);
            edge.bus.publish(new InteractionEnded(Instant.now(), interaction.id(), InteractionEnded.EndedBy.ADVISOR));
            bob.answerBye(call.callId); // the advisor hung up: the caller gets a BYE

            assertThat(progress).as("a 183 each second while queued, in the same dialog, with the same answer")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(p -> {
                        assertThat(SipPeer.tag(RawSip.header(p, "To"))).isEqualTo(call.remoteTag);
                        assertThat(RawSip.body(p)).isEqualTo(RawSip.body(first));
                    });
            assertThat(edge.edge.metrics().callsAnswered()).isEqualTo(1);
        }
    }

    @Test
    void cancelWhileQueuedCountsAsAbandon() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "loans");
            Interaction interaction = queuedInvite(call, RelayMedia.sdp(40002));
            call.cancel();
            String terminated = bob.response(487, 3000).orElseThrow();
            assertThat(RawSip.header(terminated, "CSeq")).contains("INVITE");
            await().until(() -> f.routing.abandoned.contains(interaction.id()));
            await().until(() -> f.media.released(interaction.id()));
            await().until(() -> f.edge.metrics().callsAbandoned() == 1);
        }
    }

    @Test
    void reInviteWithSendonlyPutsTheCallOnHoldAndSendrecvResumesIt() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            AnsweredCall call = answeredCall(bob, 40004);
            call.ack();
            call.script().reinvite(call.contact(), Map.of(), RelayMedia.sdp(40004) + "a=sendonly\r\n");
            assertThat(bob.response(200, 3000)).isPresent();
            await().until(() -> f.events(CallHeld.class).stream().anyMatch(CallHeld::held));
            call.script().reinvite(call.contact(), Map.of(), RelayMedia.sdp(40004));
            assertThat(bob.response(200, 3000)).isPresent();
            await().until(() -> f.events(CallHeld.class).stream().anyMatch(e -> !e.held()));
        }
    }

    @Test
    void advisorHangUpFromTheWebConsoleSendsByeToTheCustomer() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            AnsweredCall call = answeredCall(bob, 40006);
            call.ack();
            advisorHangsUp(call.interaction());
            bob.answerBye(call.script().callId);
            await().until(() -> f.media.released(call.interaction().id()));
        }
    }

    /** RFC 3261 15: an advisor who hangs up at once does not BYE the caller before the caller's ACK has come. */
    @Test
    void aCallEndedBeforeTheCallersAckGetsItsByeOnceTheAckHasCome() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            AnsweredCall call = answeredCall(bob, 40012);
            advisorHangsUp(call.interaction());
            await().until(() -> f.media.released(call.interaction().id())); // the edge has ended the call
            assertThat(bob.nextRequest(500)).as("no BYE before the caller's ACK").isEmpty();

            call.ack();
            bob.answerBye(call.script().callId); // once the ACK has come
        }
    }

    @Test
    void sessionIntervalBelowMinSeIsRejectedWith422() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(new LinkedHashMap<>(Map.of("Supported", "timer", "Session-Expires", "30")), RelayMedia.sdp(40008));
            String answer = bob.raw.finalResponse(3000).orElseThrow();
            assertThat(RawSip.status(answer)).isEqualTo(422);
            assertThat(RawSip.header(answer, "Min-SE")).isEqualTo("90");
        }
    }

    @Test
    void unknownQueueGets404() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            new CustomerCallScript(bob, "no-such-queue").sendInvite(RelayMedia.sdp(40010));
            assertThat(RawSip.status(bob.raw.finalResponse(3000).orElseThrow())).isEqualTo(404);
        }
    }

    @Test
    void offerWithoutPcmuIsNotAcceptable() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            new CustomerCallScript(bob, "cards").sendInvite(RelayMedia.sdp(40012).replace("RTP/AVP 0", "RTP/AVP 8"));
            assertThat(RawSip.status(bob.raw.finalResponse(3000).orElseThrow())).isEqualTo(488);
            await().until(() -> f.edge.metrics().callsFailedByCause().getOrDefault("media", 0L) == 1);
        }
    }
}
