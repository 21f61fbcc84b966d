package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Interaction;
import org.mvtm.core.Party;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.support.CustomerCallScript;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.RtpPhone;
import org.mvtm.sip.support.SipPeer;
import org.mvtm.testing.FreePorts;

/** The B2BUA leg to advisors' registered desk phones, and phones that disappear. */
class AdvisorPhoneTest {
    static final AgentId ALICE = AgentId.of("alice");
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
            .offerTimeout(Duration.ofSeconds(1)));

    private SipPeer registeredAlice() {
        return registeredAlice(f);
    }

    private static SipPeer registeredAlice(EdgeFixture edge) {
        SipPeer alice = SipPeer.udp(edge.udp(), "alice");
        assertThat(RawSip.status(alice.register("alice-secret", 600))).isEqualTo(200);
        return alice;
    }

    /** Alice's registered desk phone; routing offers every call to Alice. */
    private SipPeer registeredAliceWhoIsOfferedTheCalls() {
        f.routing.autoOfferTo = ALICE;
        return registeredAlice();
    }

    private Interaction customerCalls(SipPeer bob, CustomerCallScript call) {
        call.sendInvite(RelayMedia.sdp(41000));
        assertThat(bob.response(183, 3000)).isPresent();
        await().until(() -> !f.routing.enqueued.isEmpty());
        return f.routing.enqueued.get(0);
    }

    /** Alice's phone is offered the call: the edge's INVITE to it, which the phone answers with 180 Ringing. */
    private static String ringing(SipPeer alice) {
        String invite = alice.nextRequest(3000).orElseThrow();
        alice.raw.send(alice.response(invite, 180, "Ringing", "alicetag", null));
        return invite;
    }

    /** Alice's phone answers the edge's INVITE with {@code sdp} and gets the ACK. */
    private static void phoneAnswers(SipPeer alice, String invite, String sdp) {
        alice.raw.send(alice.response(invite, 200, "OK", "alicetag", sdp));
        assertThat(alice.nextRequest(3000)).hasValueSatisfying(ack -> assertThat(ack).startsWith("ACK "));
    }

    /** A customer's call that Alice's phone answered: the phone's INVITE and the 200 OK the customer ACKed. */
    private record Connected(Interaction interaction, String phoneInvite, String customerOk) {
    }

    private Connected aliceAnswers(SipPeer alice, SipPeer bob, CustomerCallScript call) {
        Interaction interaction = customerCalls(bob, call);
        String invite = alice.nextRequest(3000).orElseThrow();
        phoneAnswers(alice, invite, RelayMedia.sdp(41002));
        String ok = bob.response(200, 3000).orElseThrow();
        call.ack(ok);
        return new Connected(interaction, invite, ok);
    }

    private OfferDeclined declined() {
        await().until(() -> !f.routing.declined.isEmpty());
        return f.routing.declined.get(0);
    }

    @Test
    void offerRingsTheRegisteredPhoneAndItsAnswerConnectsTheCustomerWithTopologyHidden() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            Interaction interaction = customerCalls(bob, call);
            String invite = alice.nextRequest(3000).orElseThrow();
            assertThat(invite).startsWith("INVITE sip:alice@127.0.0.1:" + alice.raw.localPort());
            assertThat(RawSip.header(invite, "Call-ID")).isNotEqualTo(call.callId);
            assertThat(invite).doesNotContain(call.fromTag).doesNotContain("127.0.0.1:" + bob.raw.localPort());
            assertThat(invite.lines().filter(l -> l.startsWith("Via:")).count()).isEqualTo(1);
            assertThat(RawSip.header(invite, "Max-Forwards")).isEqualTo("69");
            assertThat(RawSip.header(invite, "From")).contains("sip:cards@bank.example");
            assertThat(RawSip.body(invite)).contains("m=audio");
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.RESERVED);

            alice.raw.send(alice.response(invite, 180, "Ringing", "alicetag", null));
            phoneAnswers(alice, invite, RelayMedia.sdp(41002));
            String ok = bob.response(200, 3000).orElseThrow();
            call.ack(ok);
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.BUSY);
            assertThat(f.media.calls).contains("applyAnswer ADVISOR " + interaction.id());

            // the advisor hangs up on the desk phone: both legs end
            alice.raw.send(alice.request("BYE", SipPeer.contactUri(invite), RawSip.header(invite, "Call-ID"),
                    "alicetag", RawSip.header(invite, "From"), 1, Map.of(), null, null));
            assertThat(alice.response(200, 3000)).isPresent();
            bob.answerBye(call.callId);
            await().until(() -> f.events(InteractionEnded.class).stream()
                    .anyMatch(e -> e.endedBy() == InteractionEnded.EndedBy.ADVISOR));
            await().until(() -> f.edge.metrics().phoneOffersByOutcome().getOrDefault("ANSWERED", 0L) == 1);
        }
    }

    /**
     * Issue 21: a desk phone talks as soon as it has the ACK. With routing slow to confirm the answer (a routing engine
     * waiting on a loaded Redis) the caller's queue music used to play on meanwhile, and the relay, which plays music
     * to a leg instead of relaying to it, ate the advisor's first words: about 1 packet in 500 in the capacity runs.
     */
    @Test
    void theAdvisorsFirstWordsReachTheCallerEvenWhenRoutingIsSlowToConfirmTheAnswer() {
        f.routing.acceptDelay = Duration.ofMillis(400);
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob");
             RtpPhone caller = new RtpPhone(); RtpPhone desk = new RtpPhone()) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(caller.sdp("sendrecv"));
            assertThat(bob.response(183, 3000)).isPresent();
            String invite = alice.nextRequest(3000).orElseThrow();
            phoneAnswers(alice, invite, desk.sdp("sendrecv"));
            desk.speak(RawSip.body(invite), 10); // "Good morning, ..." from the ACK on, 200 ms
            await().atMost(Duration.ofSeconds(5)).until(() -> caller.tonePacketsHeard() >= 10);
            assertThat(caller.tonePacketsHeard()).as("every word the advisor said after the answer").isEqualTo(10);
        }
    }

    /** The desk phone's own hold (a re-INVITE with a new offer) re-offers its leg: 200 with recvonly, then sendrecv. */
    @Test
    void aDeskPhoneThatHoldsAndResumesIsAnswered200EachTimeNot488() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            Connected connected = aliceAnswers(alice, bob, new CustomerCallScript(bob, "cards"));
            Interaction interaction = connected.interaction();
            String invite = connected.phoneInvite();

            int cseq = 1;
            for (String direction : new String[] {"sendonly", "sendrecv"}) {
                alice.raw.send(alice.request("INVITE", SipPeer.contactUri(invite), RawSip.header(invite, "Call-ID"),
                        "alicetag", RawSip.header(invite, "From"), cseq++, Map.of(), "application/sdp",
                        RelayMedia.sdp(41002, direction)));
                String ok = alice.response(200, 3000).orElseThrow(() -> new AssertionError("no 200 to the phone's "
                        + direction + " re-INVITE: " + f.media.calls));
                assertThat(RawSip.body(ok)).contains(direction.equals("sendonly") ? "a=recvonly" : "a=sendrecv");
            }
            assertThat(f.media.calls).contains("reoffer ADVISOR " + interaction.id());
        }
    }

    @Test
    void busyPhoneIsARejectionAndTheCustomerKeepsTheirPlace() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            String invite = alice.nextRequest(3000).orElseThrow();
            alice.raw.send(alice.response(invite, 486, "Busy Here", "alicetag", null));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.REJECTED);
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
            assertThat(f.edge.metrics().activeCalls()).isEqualTo(1);
            assertThat(f.routing.abandoned).isEmpty();
        }
    }

    @Test
    void phoneThatVanishedWithoutUnregisteringIsUnreachableAndTheAdvisorIsNotLeftReserved() {
        f.routing.autoOfferTo = ALICE;
        SipPeer alice = registeredAlice();
        alice.close(); // the phone is gone; its binding is not
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE);
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
            assertThat(f.edge.metrics().activeCalls()).isEqualTo(1);
        }
    }

    @Test
    void aPhoneWhoseUdpPortIsClosedIsDeclinedOnTheHostsIcmpAnswerNotAtTheOfferDeadline() {
        // the offer would ring for ten minutes and jain-sip would give up after 32 s: only the ICMP probe can
        // decline the offer while this test waits
        try (EdgeFixture slow = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
                .offerTimeout(Duration.ofMinutes(10)))) {
            slow.routing.autoOfferTo = ALICE;
            SipPeer alice = registeredAlice(slow);
            alice.close(); // the phone's process is gone; its host answers "port unreachable"
            try (SipPeer bob = SipPeer.udp(slow.udp(), "bob")) {
                new CustomerCallScript(bob, "cards").sendInvite(RelayMedia.sdp(41000));
                await().atMost(Duration.ofSeconds(10)).until(() -> !slow.routing.declined.isEmpty());
                assertThat(slow.routing.declined.get(0).cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE);
                assertThat(slow.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
            }
        }
    }

    @Test
    void ringingPhoneThatNobodyAnswersIsCancelledAsNoAnswer() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            String invite = ringing(alice);
            String cancel = alice.nextRequest(5000).orElseThrow();
            assertThat(cancel).startsWith("CANCEL ");
            alice.raw.send(alice.response(cancel, 200, "OK", "alicetag", null));
            alice.raw.send(alice.response(invite, 487, "Request Terminated", "alicetag", null));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.NO_ANSWER);
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
        }
    }

    /**
     * Routing gives up on alice's ringing phone (its own offer timeout, or alice declined on her console) and offers
     * the call to carol: carol's phone rings and her answer connects the customer. Before, the edge kept alice's relay
     * leg, so carol's offer found the advisor leg taken and carol was declined as unreachable (and set not ready)
     * without her phone ever ringing. Alice's phone gets a CANCEL.
     */
    @Test
    void whenRoutingMovesFromARingingPhoneToTheNextAdvisorTheNextPhoneRingsAndAnswers() {
        try (EdgeFixture edge = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
                .offerTimeout(Duration.ofMinutes(10)));
             SipPeer alice = registeredAlice(edge);
             SipPeer carol = SipPeer.udp(edge.udp(), "carol");
             SipPeer bob = SipPeer.udp(edge.udp(), "bob")) {
            assertThat(RawSip.status(carol.register("carol-secret", 600))).isEqualTo(200);
            edge.routing.autoOfferTo = ALICE;
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(41000));
            await().until(() -> !edge.routing.enqueued.isEmpty());
            Interaction interaction = edge.routing.enqueued.get(0);
            ringing(alice);

            AgentId carolId = AgentId.of("carol");
            edge.routing.decline(interaction.id(), ALICE, OfferDeclined.Cause.NO_ANSWER); // routing's own timeout
            edge.routing.offer(interaction.id(), carolId, Instant.now().plusSeconds(600));

            String carolInvite = carol.nextRequest(3000).orElseThrow(() -> new AssertionError(
                    "carol's phone never rang; declined: " + edge.routing.declined));
            phoneAnswers(carol, carolInvite, RelayMedia.sdp(41004));
            call.ack(bob.response(200, 3000).orElseThrow());
            await().until(() -> edge.routing.advisors.get(carolId) == AdvisorState.BUSY);
            assertThat(edge.routing.declined).extracting(OfferDeclined::advisor, OfferDeclined::cause)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, OfferDeclined.Cause.NO_ANSWER));
            assertThat(nextRequestOtherThan("INVITE", alice)).startsWith("CANCEL ");
        }
    }

    /**
     * In a cluster the call's earlier offer may still ring from another node (an offer is placed by the node the
     * advisor's console is on) while routing offers the call to alice here; that node frees the call's advisor leg
     * when the end of its offer reaches it, a moment later. Alice's phone rings then and her answer connects the
     * customer. Before, this node declined alice at once as unreachable (which sets her not ready) without her phone
     * ever ringing.
     */
    @Test
    void anOfferThatFindsTheAdvisorLegStillTakenByAnotherNodesOfferRingsOnceThatNodeFreesIt() {
        try (EdgeFixture edge = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
                .offerTimeout(Duration.ofMinutes(10)));
             SipPeer alice = registeredAlice(edge);
             SipPeer bob = SipPeer.udp(edge.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            call.sendInvite(RelayMedia.sdp(41000));
            await().until(() -> !edge.routing.enqueued.isEmpty());
            InteractionId id = edge.routing.enqueued.get(0).id();
            edge.media.offer(id, Party.ADVISOR); // the leg of a phone another node still rings for this call

            edge.routing.offer(id, ALICE, Instant.now().plusSeconds(600));
            assertThat(alice.nextRequest(600)).as("alice's phone waits while the other offer holds the leg").isEmpty();
            edge.media.removeLeg(id, Party.ADVISOR); // the other node heard that its offer is over

            String invite = alice.nextRequest(3000).orElseThrow(() -> new AssertionError(
                    "alice's phone never rang; declined: " + edge.routing.declined));
            phoneAnswers(alice, invite, RelayMedia.sdp(41002));
            call.ack(bob.response(200, 3000).orElseThrow());
            await().until(() -> edge.routing.advisors.get(ALICE) == AdvisorState.BUSY);
            assertThat(edge.routing.declined).as("no offer declined").isEmpty();
        }
    }

    /**
     * The same, but the other node's offer keeps the leg past half of this offer's time (0.5 s of the 1 s here): this
     * node declines alice as unreachable without ringing her phone, and leaves that leg alone, so the other phone's
     * answer can still connect. Before, the decline removed the leg it had not made.
     */
    @Test
    void anOfferThatFindsTheAdvisorLegTakenLeavesThatLegToTheOfferThatMadeIt() {
        try (SipPeer alice = registeredAlice(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            new CustomerCallScript(bob, "cards").sendInvite(RelayMedia.sdp(41000));
            await().until(() -> !f.routing.enqueued.isEmpty());
            InteractionId id = f.routing.enqueued.get(0).id();
            f.media.offer(id, Party.ADVISOR); // the leg of a phone another node still rings for this call

            f.routing.offer(id, ALICE, Instant.now().plusSeconds(600));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE);
            assertThat(f.media.sessions.get(id).legs).as("the other offer's leg").containsKey(Party.ADVISOR);
            assertThat(alice.nextRequest(500)).as("alice's phone does not ring").isEmpty();
        }
    }

    @Test
    void phoneBehindATcpResetIsUnreachable() throws Exception {
        int closedPort = FreePorts.tcp();
        f.registrations.put(new Binding("sip:alice@bank.example",
                "sip:alice@127.0.0.1:" + closedPort + ";transport=tcp", Instant.now().plusSeconds(600), "x", 1, 1f));
        f.routing.autoOfferTo = ALICE;
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE);
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
        }
    }

    @Test
    void contactPointingBackAtTheEdgeIsALoopAndNeverRung() {
        f.registrations.put(new Binding("sip:alice@bank.example", "sip:alice@127.0.0.1:" + f.udp(),
                Instant.now().plusSeconds(600), "x", 1, 1f));
        f.routing.autoOfferTo = ALICE;
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE);
        }
    }

    @Test
    void customerWhoHangsUpWhileThePhoneRingsCancelsThePhone() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            Interaction interaction = customerCalls(bob, call);
            String invite = ringing(alice);
            await().until(() -> f.edge.metrics().activeCalls() == 1);
            call.cancel();
            assertThat(bob.response(487, 3000)).isPresent();
            String cancel = alice.nextRequest(3000).orElseThrow();
            assertThat(cancel).startsWith("CANCEL ");
            assertThat(RawSip.header(cancel, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
            await().until(() -> f.routing.abandoned.contains(interaction.id()));
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
        }
    }

    /**
     * A phone slow to answer the edge's INVITE (an overloaded desk phone, a lossy network) while the customer hangs up:
     * the edge may not CANCEL before the phone's first provisional response (RFC 3261 9.1), so it sends the CANCEL when
     * the 180 comes. Before, the edge gave up on the INVITE silently and the phone, once it rang, rang on.
     */
    @Test
    void aPhoneThatStartsRingingOnlyAfterTheCustomerHungUpIsCancelledThen() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            Interaction interaction = customerCalls(bob, call);
            String invite = alice.nextRequest(3000).orElseThrow(); // the phone does not answer it yet
            call.cancel();
            assertThat(bob.response(487, 3000)).isPresent();
            await().until(() -> f.routing.abandoned.contains(interaction.id()));

            alice.raw.send(alice.response(invite, 180, "Ringing", "alicetag", null));
            String cancel = nextRequestOtherThan("INVITE", alice); // the INVITE is retransmitted until it rings
            assertThat(cancel).startsWith("CANCEL ");
            assertThat(RawSip.header(cancel, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
            assertThat(f.routing.advisors.get(ALICE)).isEqualTo(AdvisorState.READY);
        }
    }

    /** The same when the offer expired before the phone said anything: its late 180 gets the CANCEL. */
    @Test
    void aPhoneThatStartsRingingOnlyAfterItsOfferExpiredIsCancelledThen() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            customerCalls(bob, new CustomerCallScript(bob, "cards"));
            String invite = alice.nextRequest(3000).orElseThrow();
            assertThat(declined().cause()).isEqualTo(OfferDeclined.Cause.UNREACHABLE); // silent past the 1 s offer

            alice.raw.send(alice.response(invite, 180, "Ringing", "alicetag", null));
            String cancel = nextRequestOtherThan("INVITE", alice);
            assertThat(cancel).startsWith("CANCEL ");
            assertThat(RawSip.header(cancel, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
        }
    }

    private static String nextRequestOtherThan(String method, SipPeer peer) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            Optional<String> next = peer.nextRequest(500);
            if (next.isPresent() && !next.get().startsWith(method + " ")) {
                return next.get();
            }
        }
        throw new AssertionError(peer + " got nothing but " + method + " requests");
    }

    @Test
    void customerWhoHangsUpAConnectedCallHangsUpTheDeskPhoneAndEndsTheCallAsTheCustomers() {
        try (SipPeer alice = registeredAliceWhoIsOfferedTheCalls(); SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            CustomerCallScript call = new CustomerCallScript(bob, "cards");
            Connected connected = aliceAnswers(alice, bob, call);

            call.bye(SipPeer.contactUri(connected.customerOk()));
            assertThat(bob.response(200, 3000)).isPresent();
            alice.answerBye(RawSip.header(connected.phoneInvite(), "Call-ID"));
            await().until(() -> f.events(InteractionEnded.class).stream().anyMatch(e -> e.endedBy()
                    == InteractionEnded.EndedBy.CUSTOMER && e.interaction().equals(connected.interaction().id())));
            await().until(() -> f.edge.metrics().activeCalls() == 0);
        }
    }

    @Test
    void advisorOnTheWebConsoleIsNotRung() {
        f.routing.autoOfferTo = AgentId.of("web-only");
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            Interaction interaction = customerCalls(bob, new CustomerCallScript(bob, "cards"));
            f.routing.acceptFromWeb(interaction.id(), AgentId.of("web-only"));
            assertThat(bob.response(200, 3000)).isPresent();
            assertThat(f.routing.declined).isEmpty();
        }
    }
}
