package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Party;
import org.mvtm.core.Region;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionEnded.EndedBy;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipCallbackSettings;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.SharedDialogsContract;
import org.mvtm.sip.support.SipPeer;
import org.mvtm.testing.RedisServerProcess;
import redis.clients.jedis.RedisClient;

/**
 * Registrations in Redis, shared by two edges (server nodes); and established dialogs in the same redis-server (the
 * {@link SharedDialogsContract}, a dialog passing from a dead node to the one that took it over, and that node's
 * edge carrying the dialog on with the phone).
 */
@Tag("peer")
class RedisRegistrationStoreTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final String RELAY_SDP = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 41000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    static RedisServerProcess server;
    static RedisClient redis;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
        redis = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
        server.close();
    }

    @Test
    void bindingsAreStoredOrderedByPreferenceAndExpire() {
        // a fixed date on purpose: the store must not depend on Redis's own clock agreeing with the injected one
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        RegistrationStore store = RegistrationStores.redis(redis, "t1:", Clock.fixed(now, ZoneOffset.UTC));
        store.put(new Binding("sip:alice@bank.example", "sip:alice@10.0.0.1", now.plusSeconds(60), "c1", 1, 0.5f));
        store.put(new Binding("sip:alice@bank.example", "sip:alice@10.0.0.2;transport=tcp", now.plusSeconds(600), "c2", 1, 1f));
        assertThat(store.bindings("sip:alice@bank.example", now)).extracting(Binding::contact)
                .containsExactly("sip:alice@10.0.0.2;transport=tcp", "sip:alice@10.0.0.1");
        assertThat(store.bindings("sip:alice@bank.example", now.plusSeconds(61))).extracting(Binding::contact)
                .containsExactly("sip:alice@10.0.0.2;transport=tcp");
        store.remove("sip:alice@bank.example", "sip:alice@10.0.0.2;transport=tcp");
        assertThat(store.bindings("sip:alice@bank.example", now)).isEmpty();
        store.put(new Binding("sip:bob@bank.example", "sip:bob@10.0.0.3", now.plusSeconds(60), "c3", 7, 1f));
        store.removeAll("sip:bob@bank.example");
        assertThat(store.bindings("sip:bob@bank.example", now)).isEmpty();
    }

    @Test
    void bindingOutlivesRedisClockWhenInjectedClockIsFarBehind() {
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        RegistrationStore store = RegistrationStores.redis(redis, "t3:", Clock.fixed(longAgo, ZoneOffset.UTC));
        store.put(new Binding("sip:carol@bank.example", "sip:carol@10.0.0.9", longAgo.plusSeconds(600), "c9", 1, 1f));
        assertThat(redis.pttl("t3:reg:sip:carol@bank.example")).isBetween(590_000L, 601_000L);
        assertThat(store.bindings("sip:carol@bank.example", longAgo)).hasSize(1);
    }

    @Test
    void phoneRegisteredOnOneNodeIsRungByAnotherNode() {
        Clock clock = Clock.systemUTC();
        RegistrationStore shared = RegistrationStores.redis(redis, "t2:", clock);
        EdgeFixture nodeA = new EdgeFixture(b -> b.tlsPort(-1), clock, shared);
        EdgeFixture nodeB = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1")),
                clock, RegistrationStores.redis(redis, "t2:", clock));
        try (SipPeer alice = SipPeer.udp(nodeA.udp(), "alice")) {
            assertThat(RawSip.status(alice.register("alice-secret", 600))).isEqualTo(200);
            InteractionId web = InteractionId.of("web-customer-1");
            nodeB.bus.publish(new AdvisorOffered(Instant.now(), web, AgentId.of("alice"), Instant.now().plusSeconds(20)));
            String invite = alice.nextRequest(5000).orElseThrow();
            assertThat(invite).startsWith("INVITE sip:alice@127.0.0.1:" + alice.raw.localPort());
            assertThat(RawSip.header(invite, "Via")).contains(":" + nodeB.udp());
        } finally {
            nodeA.close();
            nodeB.close();
        }
    }

    @Nested
    class SharedDialogsInRedis extends SharedDialogsContract {
        @Override
        protected SharedDialogs store(String node) {
            return SharedDialogs.redis(redis, "d" + PREFIXES.incrementAndGet() + ":", node);
        }

        @Test
        void theNodeThatTakesADialogOverHoldsItAndTheDeadNodeNoLonger() {
            String prefix = "d" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs a = SharedDialogs.redis(redis, prefix, "http://node-a");
            SharedDialogs b = SharedDialogs.redis(redis, prefix, "http://node-b");
            SharedDialog customer = SharedDialogsContract.dialog("call-9@phone", "i-9", Party.CUSTOMER);
            a.save(customer);
            assertThat(b.nodes()).containsExactly("http://node-a");
            SharedDialog seenFromB = b.heldBy("http://node-a").getFirst();
            assertThat(seenFromB).isEqualTo(customer.heldBy("http://node-a"));

            b.save(seenFromB); // node B took the call over
            assertThat(b.heldBy("http://node-a")).isEmpty();
            assertThat(a.heldBy("http://node-b")).containsExactly(customer.heldBy("http://node-b"));
            assertThat(b.nodes()).containsExactly("http://node-b");
            assertThat(a.find("call-9@phone")).map(SharedDialog::node).contains("http://node-b");
        }
    }

    /**
     * Node B carries on a dialog that node A (dead, its dialogs in Redis) established with a customer's phone: an
     * in-dialog re-INVITE from B with a leg of B's media, the phone's BYE at B ends the call; a phone that refuses
     * the re-INVITE loses its leg and the call ends, unless it is the advisor's desk phone: B calls it again and the
     * two talk on (the call ends if the new call fails too). A dialog whose media was on B already gets a re-INVITE
     * without an offer.
     */
    @Nested
    class CallsTakenOverFromADeadNode {
        @Test
        void theSurvivorReInvitesThePhoneInItsDialogAndTakesItsBye() {
            try (Takeover t = new Takeover("call-taken-over"); SipPeer phone = SipPeer.udp(t.nodeB.udp(), "carol")) {
                t.customerConnectedAtTheDeadNode(phone, "dialog-1@phone");

                String reinvite = t.takeOver(phone);
                assertThat(reinvite).startsWith("INVITE sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(RawSip.header(reinvite, "Call-ID")).isEqualTo("dialog-1@phone");
                assertThat(SipPeer.tag(RawSip.header(reinvite, "From"))).isEqualTo("b2bua-tag");
                assertThat(SipPeer.tag(RawSip.header(reinvite, "To"))).isEqualTo("phone-tag");
                assertThat(RawSip.header(reinvite, "CSeq")).isEqualTo("1 INVITE");
                assertThat(SipPeer.contactUri(reinvite)).as("later requests go to node B")
                        .endsWith(":" + t.nodeB.udp());
                assertThat(RawSip.body(reinvite)).contains("m=audio");
                phone.raw.send(phone.response(reinvite, 200, "OK", null, RELAY_SDP));
                String ack = phone.nextRequest(5000).orElseThrow();
                assertThat(ack).startsWith("ACK sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(RawSip.header(ack, "CSeq")).isEqualTo("1 ACK");
                await("B's relay took the phone's answer and B holds the dialog").until(() -> t.nodeB.media.calls
                        .containsAll(List.of("offer CUSTOMER " + t.call, "applyAnswer CUSTOMER " + t.call))
                        && t.heldByNodeB("dialog-1@phone"));

                t.customerHangsUp(phone, reinvite, "dialog-1@phone");
                assertThat(phone.response(200, 5000)).as("node B answers the BYE of a dialog its stack never saw")
                        .isPresent();
                t.awaitEnded(EndedBy.CUSTOMER);
                await("the ended dialog left the store").until(() -> t.deadNode.find("dialog-1@phone").isEmpty());
            }
        }

        @Test
        void aDialogWhoseMediaWasOnTheSurvivorIsReInvitedWithoutAnOfferAndKeepsItsMedia() {
            try (Takeover t = new Takeover("call-media-on-b"); SipPeer phone = SipPeer.udp(t.nodeB.udp(), "carol")) {
                t.customerConnectedAtTheDeadNode(phone, "dialog-7@phone");
                String relayAnswer = t.nodeB.media.answer(t.call, Party.CUSTOMER, RELAY_SDP); // the leg lives on B

                String reinvite = t.takeOver(phone);
                assertThat(reinvite).startsWith("INVITE sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(SipPeer.contactUri(reinvite)).as("later requests go to node B")
                        .endsWith(":" + t.nodeB.udp());
                assertThat(RawSip.body(reinvite)).as("no offer: the media stays as it is").isEmpty();
                phone.raw.send(phone.response(reinvite, 200, "OK", null, RELAY_SDP));
                String ack = phone.nextRequest(5000).orElseThrow();
                assertThat(ack).startsWith("ACK ");
                assertThat(RawSip.body(ack)).as("B's leg answers in the ACK, the same port as before")
                        .contains(relayAnswer.lines().filter(l -> l.startsWith("m=")).findFirst()
                                .orElseThrow());
                await("B holds the dialog").until(() -> t.heldByNodeB("dialog-7@phone"));
                assertThat(t.nodeB.media.calls).doesNotContain("removeLeg CUSTOMER " + t.call);

                t.customerHangsUp(phone, reinvite, "dialog-7@phone");
                assertThat(phone.response(200, 5000)).as("the phone's BYE reaches node B").isPresent();
                t.awaitEnded(EndedBy.CUSTOMER);
            }
        }

        @Test
        void aCustomerPhoneThatRefusesTheSurvivorsReInviteWithNoTrunkToCallBackThroughEndsTheCall() {
            try (Takeover t = new Takeover("call-refused"); SipPeer phone = SipPeer.udp(t.nodeB.udp(), "carol")) {
                t.customerConnectedAtTheDeadNode(phone, "dialog-2@phone");

                String reinvite = t.takeOver(phone);
                phone.raw.send(phone.response(reinvite, 481, "Call/Transaction Does Not Exist", null, null));
                t.awaitEnded(EndedBy.SYSTEM);
                await("the refused leg left B's relay and the store").until(() -> t.nodeB.media.calls
                        .contains("removeLeg CUSTOMER " + t.call) && t.deadNode.find("dialog-2@phone").isEmpty());
            }
        }

        @Test
        void aCustomerWhosePhoneRefusesTheSurvivorsReInviteIsCalledBackThroughTheTrunkAndTalksWithTheSameAdvisor()
                throws Exception {
            int edgePort = org.mvtm.testing.FreePorts.udp();
            try (SipPeer trunk = SipPeer.udp(edgePort, "trunk");
                 Takeover t = new Takeover("call-called-back", prefix -> EdgeFixture.sharingDialogs(
                         b -> b.udpPort(edgePort).tcpPort(-1).tlsPort(-1),
                         RegistrationStores.redis(redis, prefix, Clock.systemUTC()),
                         SharedDialogs.redis(redis, prefix, "http://node-b"),
                         new SipCallbackSettings(java.util.Optional.of("127.0.0.1:" + trunk.raw.localPort()), '1', 2,
                                 java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(10), null)));
                 SipPeer customer = SipPeer.udp(edgePort, "li")) {
                EdgeFixture nodeB = t.nodeB;
                nodeB.routing.held.put(t.call, new Interaction(t.call, ConversationId.of("conv-called-back"),
                        Channel.VOICE, new Customer(CustomerId.of("li"), "Li", CustomerTier.STANDARD, Language.YUE,
                        Region.HK), Language.YUE, List.of(), QueueId.of("cards"), null, Instant.now()));
                t.customerConnectedAtTheDeadNode(customer, "dialog-8@trunk",
                        "<sip:+85291234567@trunk.example;user=phone>;tag=phone-tag");

                String reinvite = t.takeOver(customer);
                customer.raw.send(customer.response(reinvite, 481, "Call/Transaction Does Not Exist", null, null));

                String invite = nextRequestButAck(trunk);
                assertThat(invite).as("the customer is called back at their number, through the trunk")
                        .startsWith("INVITE sip:+85291234567@127.0.0.1:" + trunk.raw.localPort() + ";user=phone");
                assertThat(RawSip.header(invite, "Call-ID")).isNotEqualTo("dialog-8@trunk");
                assertThat(RawSip.body(invite)).contains("m=audio");
                trunk.raw.send(trunk.response(invite, 200, "OK", "li-tag", RELAY_SDP));
                await("the callback's leg is on B's relay").until(() -> nodeB.media.calls
                        .contains("applyAnswer CUSTOMER " + t.call));
                assertThat(nodeB.routing.ended).as("the call goes on, with the same advisor").isEmpty();
                assertThat(nodeB.events(AdvisorOffered.class)).as("no new routing offer: no queue")
                        .hasSize(1);
                assertThat(nodeB.events(ChatMessagePosted.class)).as("the conversation says what happened")
                        .anyMatch(m -> m.text().contains("calling +85291234567 back through the trunk"))
                        .anyMatch(m -> m.text().contains("callback answered at +85291234567"));

                nodeB.bus.publish(new InteractionEnded(Instant.now(), t.call, EndedBy.ADVISOR));
                assertByeOf(trunk, RawSip.header(invite, "Call-ID"),
                        "the advisor's hang-up reaches the called-back customer");
            }
        }

        @Test
        void anAdvisorPhoneThatRefusesTheSurvivorsReInviteIsCalledAgainAndTalksWithTheCustomer() {
            try (Takeover t = new Takeover("call-advisor-refused");
                 SipPeer customer = SipPeer.udp(t.nodeB.udp(), "carol");
                 SipPeer desk = SipPeer.udp(t.nodeB.udp(), "alice")) {
                String customerReinvite = t.takenOverWhileTheDeskPhoneRefuses(customer, desk, "dialog-3@phone",
                        "dialog-4@desk");

                String invite = nextRequestButAck(desk);
                assertThat(invite).as("a new call to the advisor's registered phone")
                        .startsWith("INVITE sip:alice@127.0.0.1:" + desk.raw.localPort());
                assertThat(RawSip.header(invite, "Call-ID")).isNotEqualTo("dialog-4@desk");
                assertThat(SipPeer.tag(RawSip.header(invite, "To"))).isNull();
                assertThat(RawSip.header(invite, "From")).contains("sip:cards@bank.example");
                assertThat(RawSip.body(invite)).contains("m=audio");
                desk.raw.send(desk.response(invite, 200, "OK", "desk-tag-2", RELAY_SDP));
                String ack = desk.nextRequest(5000).orElseThrow();
                assertThat(ack).startsWith("ACK ");
                await("B's relay has the advisor's new leg and B holds the new dialog").until(() -> t.nodeB.media
                        .calls.containsAll(List.of("removeLeg ADVISOR " + t.call, "applyAnswer ADVISOR " + t.call))
                        && t.deadNode.heldBy("http://node-b").stream().anyMatch(d -> d.party() == Party.ADVISOR
                        && d.callId().equals(RawSip.header(invite, "Call-ID"))));
                assertThat(t.nodeB.media.calls.stream().filter(c -> c.equals("offer ADVISOR " + t.call)))
                        .as("one offer for the re-INVITE, one for the new call, both from B's relay").hasSize(2);
                assertThat(t.nodeB.media.calls).as("the customer's side is untouched")
                        .doesNotContain("removeLeg CUSTOMER " + t.call);
                assertThat(t.nodeB.routing.ended).as("the call goes on").isEmpty();
                assertThat(t.nodeB.events(AdvisorOffered.class)).as("no new routing offer").hasSize(1);
                assertThat(t.nodeB.routing.declined).isEmpty();

                t.customerHangsUp(customer, customerReinvite, "dialog-3@phone");
                t.awaitEnded(EndedBy.CUSTOMER);
                assertByeOf(desk, RawSip.header(invite, "Call-ID"), "the customer's BYE hangs the new call up");
            }
        }

        @Test
        void anAdvisorPhoneThatRefusesTheReInviteAndDoesNotAnswerTheNewCallEndsTheCall() {
            try (Takeover t = new Takeover("call-advisor-gone");
                 SipPeer customer = SipPeer.udp(t.nodeB.udp(), "carol");
                 SipPeer desk = SipPeer.udp(t.nodeB.udp(), "alice")) {
                t.takenOverWhileTheDeskPhoneRefuses(customer, desk, "dialog-5@phone", "dialog-6@desk");
                String invite = nextRequestButAck(desk);
                assertThat(invite).startsWith("INVITE ");
                desk.raw.send(desk.response(invite, 486, "Busy Here", "desk-tag-3", null));

                t.awaitEnded(EndedBy.SYSTEM);
                assertByeOf(customer, "dialog-5@phone", "the customer hears BYE");
                assertThat(t.nodeB.routing.declined).as("no offer was made, none is declined").isEmpty();
            }
        }

        /** The next request {@code phone} gets, past its ACKs, is a BYE of the dialog {@code callId}. */
        private void assertByeOf(SipPeer phone, String callId, String why) {
            String bye = nextRequestButAck(phone);
            assertThat(bye).as(why).startsWith("BYE ");
            assertThat(RawSip.header(bye, "Call-ID")).as(why).isEqualTo(callId);
        }

        /** The next request {@code phone} gets, past the ACKs of the responses it sent. */
        private String nextRequestButAck(SipPeer phone) {
            return phone.raw.next(10_000, m -> RawSip.status(m) < 0 && !m.startsWith("ACK "))
                    .orElseThrow(() -> new AssertionError("no request but ACK reached " + phone.raw.localPort()));
        }
    }

    /**
     * One call of dead node A: its dialogs in Redis under a prefix of its own, and node B, the survivor that shares
     * them and takes the call over.
     */
    private static final class Takeover implements AutoCloseable {
        final String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
        final SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
        final InteractionId call;
        final EdgeFixture nodeB;

        Takeover(String call) {
            this(call, prefix -> EdgeFixture.sharingDialogs(b -> b.tlsPort(-1),
                    RegistrationStores.redis(redis, prefix, Clock.systemUTC()),
                    SharedDialogs.redis(redis, prefix, "http://node-b")));
        }

        /** {@code survivor}: node B's edge, sharing the dialogs under the prefix it is given with dead node A. */
        Takeover(String call, java.util.function.Function<String, EdgeFixture> survivor) {
            this.call = InteractionId.of(call);
            this.nodeB = survivor.apply(prefix);
        }

        /** Node B takes the call over from node A: the re-INVITE that {@code phone} gets from B. */
        String takeOver(SipPeer phone) {
            nodeB.edge.takeOverCalls(call, "http://node-a");
            return phone.nextRequest(5000).orElseThrow();
        }

        /** The customer's call as node A left it in Redis: connected to alice, its dialog held by A. */
        void customerConnectedAtTheDeadNode(SipPeer phone, String callId) {
            customerConnectedAtTheDeadNode(phone, callId, "<sip:carol@bank.example>");
        }

        void customerConnectedAtTheDeadNode(SipPeer phone, String callId, String customerAddress) {
            // advisor-7 has no registered phone: B rings none at the offer (node A did, long before it died)
            nodeB.routing.offer(call, AgentId.of("advisor-7"), Instant.now().plusSeconds(20));
            assertThat(nodeB.routing.accept(call, AgentId.of("advisor-7"))).isTrue();
            deadNode.save(new SharedDialog(callId, "b2bua-tag", "phone-tag", "<sip:cards@bank.example>",
                    customerAddress, "sip:carol@127.0.0.1:" + phone.raw.localPort(), List.of(), SipTransport.UDP, 0,
                    2, RELAY_SDP, call, Party.CUSTOMER, null));
        }

        /**
         * A customer and an advisor's desk phone connected at dead node A; node B takes the call over; the
         * customer's phone answers B's re-INVITE, the desk phone refuses it (481). Returns the customer's re-INVITE.
         */
        String takenOverWhileTheDeskPhoneRefuses(SipPeer customer, SipPeer desk, String customerDialog,
                                                 String deskDialog) {
            customerConnectedAtTheDeadNode(customer, customerDialog);
            // the advisor's leg node A placed to the desk phone, held by A, and the phone registered in Redis
            deadNode.save(new SharedDialog(deskDialog, "a-tag", "desk-tag", "\"Customer\" <sip:cards@bank.example>",
                    "<sip:alice@bank.example>", "sip:alice@127.0.0.1:" + desk.raw.localPort(), List.of(),
                    SipTransport.UDP, 1, 0, RELAY_SDP, call, Party.ADVISOR, null));
            RegistrationStores.redis(redis, prefix, Clock.systemUTC()).put(new Binding("sip:alice@bank.example",
                    "sip:alice@127.0.0.1:" + desk.raw.localPort(), Instant.now().plusSeconds(600), "desk-1", 1, 1f));

            String customerReinvite = takeOver(customer);
            customer.raw.send(customer.response(customerReinvite, 200, "OK", null, RELAY_SDP));
            String deskReinvite = desk.nextRequest(5000).orElseThrow();
            assertThat(RawSip.header(deskReinvite, "Call-ID")).isEqualTo(deskDialog);
            desk.raw.send(desk.response(deskReinvite, 481, "Call/Transaction Does Not Exist", null, null));
            return customerReinvite;
        }

        /** The customer's phone hangs up the dialog {@code callId} that node B's {@code reinvite} carried on. */
        void customerHangsUp(SipPeer phone, String reinvite, String callId) {
            phone.raw.send(phone.request("BYE", SipPeer.contactUri(reinvite), callId, "phone-tag",
                    "<sip:cards@bank.example>;tag=b2bua-tag", 3, Map.of(), null, null));
        }

        boolean heldByNodeB(String callId) {
            return deadNode.find(callId).map(SharedDialog::node).orElse("").equals("http://node-b");
        }

        void awaitEnded(EndedBy by) {
            await("the call ended, by " + by + ": " + nodeB.routing.ended).until(() -> nodeB.routing.ended.stream()
                    .anyMatch(e -> e.interaction().equals(call) && e.endedBy() == by));
        }

        @Override
        public void close() {
            nodeB.close();
        }
    }
}
