package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.AdvisorOffered;
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
        private static final String RELAY_SDP = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio 41000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

        @Test
        void theSurvivorReInvitesThePhoneInItsDialogAndTakesItsBye() {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            EdgeFixture nodeB = survivor(prefix);
            InteractionId call = InteractionId.of("call-taken-over");
            try (SipPeer phone = SipPeer.udp(nodeB.udp(), "carol")) {
                connectedAtTheDeadNode(nodeB, deadNode, phone, call, "dialog-1@phone");

                nodeB.edge.takeOverCalls(call, "http://node-a");
                String reinvite = phone.nextRequest(5000).orElseThrow();
                assertThat(reinvite).startsWith("INVITE sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(RawSip.header(reinvite, "Call-ID")).isEqualTo("dialog-1@phone");
                assertThat(SipPeer.tag(RawSip.header(reinvite, "From"))).isEqualTo("b2bua-tag");
                assertThat(SipPeer.tag(RawSip.header(reinvite, "To"))).isEqualTo("phone-tag");
                assertThat(RawSip.header(reinvite, "CSeq")).isEqualTo("1 INVITE");
                assertThat(SipPeer.contactUri(reinvite)).as("later requests go to node B").endsWith(":" + nodeB.udp());
                assertThat(RawSip.body(reinvite)).contains("m=audio");
                phone.raw.send(phone.response(reinvite, 200, "OK", null, RELAY_SDP));
                String ack = phone.nextRequest(5000).orElseThrow();
                assertThat(ack).startsWith("ACK sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(RawSip.header(ack, "CSeq")).isEqualTo("1 ACK");
                await("B's relay took the phone's answer and B holds the dialog", () -> nodeB.media.calls.containsAll(
                        java.util.List.of("offer CUSTOMER " + call, "applyAnswer CUSTOMER " + call))
                        && deadNode.find("dialog-1@phone").map(SharedDialog::node).orElse("").equals("http://node-b"));

                phone.raw.send(phone.request("BYE", SipPeer.contactUri(reinvite), "dialog-1@phone", "phone-tag",
                        "<sip:cards@bank.example>;tag=b2bua-tag", 3, java.util.Map.of(), null, null));
                assertThat(phone.response(200, 5000)).as("node B answers the BYE of a dialog its stack never saw")
                        .isPresent();
                awaitEnded(nodeB, call, org.mvtm.core.event.InteractionEnded.EndedBy.CUSTOMER);
                await("the ended dialog left the store", () -> deadNode.find("dialog-1@phone").isEmpty());
            } finally {
                nodeB.close();
            }
        }

        @Test
        void aDialogWhoseMediaWasOnTheSurvivorIsReInvitedWithoutAnOfferAndKeepsItsMedia() {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            EdgeFixture nodeB = survivor(prefix);
            InteractionId call = InteractionId.of("call-media-on-b");
            try (SipPeer phone = SipPeer.udp(nodeB.udp(), "carol")) {
                connectedAtTheDeadNode(nodeB, deadNode, phone, call, "dialog-7@phone");
                String relayAnswer = nodeB.media.answer(call, Party.CUSTOMER, RELAY_SDP); // the leg lives on B

                nodeB.edge.takeOverCalls(call, "http://node-a");
                String reinvite = phone.nextRequest(5000).orElseThrow();
                assertThat(reinvite).startsWith("INVITE sip:carol@127.0.0.1:" + phone.raw.localPort());
                assertThat(SipPeer.contactUri(reinvite)).as("later requests go to node B").endsWith(":" + nodeB.udp());
                assertThat(RawSip.body(reinvite)).as("no offer: the media stays as it is").isEmpty();
                phone.raw.send(phone.response(reinvite, 200, "OK", null, RELAY_SDP));
                String ack = phone.nextRequest(5000).orElseThrow();
                assertThat(ack).startsWith("ACK ");
                assertThat(RawSip.body(ack)).as("B's leg answers in the ACK, the same port as before")
                        .contains(relayAnswer.lines().filter(l -> l.startsWith("m=")).findFirst()
                                .orElseThrow());
                await("B holds the dialog", () -> deadNode.find("dialog-7@phone").map(SharedDialog::node)
                        .orElse("").equals("http://node-b"));
                assertThat(nodeB.media.calls).doesNotContain("removeLeg CUSTOMER " + call);

                phone.raw.send(phone.request("BYE", SipPeer.contactUri(reinvite), "dialog-7@phone", "phone-tag",
                        "<sip:cards@bank.example>;tag=b2bua-tag", 3, java.util.Map.of(), null, null));
                assertThat(phone.response(200, 5000)).as("the phone's BYE reaches node B").isPresent();
                awaitEnded(nodeB, call, org.mvtm.core.event.InteractionEnded.EndedBy.CUSTOMER);
            } finally {
                nodeB.close();
            }
        }

        @Test
        void aCustomerPhoneThatRefusesTheSurvivorsReInviteWithNoTrunkToCallBackThroughEndsTheCall() {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            EdgeFixture nodeB = survivor(prefix);
            InteractionId call = InteractionId.of("call-refused");
            try (SipPeer phone = SipPeer.udp(nodeB.udp(), "carol")) {
                connectedAtTheDeadNode(nodeB, deadNode, phone, call, "dialog-2@phone");

                nodeB.edge.takeOverCalls(call, "http://node-a");
                String reinvite = phone.nextRequest(5000).orElseThrow();
                phone.raw.send(phone.response(reinvite, 481, "Call/Transaction Does Not Exist", null, null));
                awaitEnded(nodeB, call, org.mvtm.core.event.InteractionEnded.EndedBy.SYSTEM);
                await("the refused leg left B's relay and the store", () -> nodeB.media.calls
                        .contains("removeLeg CUSTOMER " + call) && deadNode.find("dialog-2@phone").isEmpty());
            } finally {
                nodeB.close();
            }
        }

        @Test
        void aCustomerWhosePhoneRefusesTheSurvivorsReInviteIsCalledBackThroughTheTrunkAndTalksWithTheSameAdvisor()
                throws Exception {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            int edgePort;
            try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
                edgePort = probe.getLocalPort();
            }
            try (SipPeer trunk = SipPeer.udp(edgePort, "trunk")) {
                EdgeFixture nodeB = EdgeFixture.sharingDialogs(b -> b.udpPort(edgePort).tcpPort(-1).tlsPort(-1),
                        RegistrationStores.redis(redis, prefix, Clock.systemUTC()),
                        SharedDialogs.redis(redis, prefix, "http://node-b"),
                        new SipCallbackSettings(java.util.Optional.of("127.0.0.1:" + trunk.raw.localPort()), '1', 2,
                                java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(10), null));
                InteractionId call = InteractionId.of("call-called-back");
                nodeB.routing.held.put(call, new Interaction(call, ConversationId.of("conv-called-back"),
                        Channel.VOICE, new Customer(CustomerId.of("li"), "Li", CustomerTier.STANDARD, Language.YUE,
                        Region.HK), Language.YUE, java.util.List.of(), QueueId.of("cards"), null, Instant.now()));
                try (SipPeer customer = SipPeer.udp(edgePort, "li")) {
                    connectedAtTheDeadNode(nodeB, deadNode, customer, call, "dialog-8@trunk",
                            "<sip:+85291234567@trunk.example;user=phone>;tag=phone-tag");

                    nodeB.edge.takeOverCalls(call, "http://node-a");
                    String reinvite = customer.nextRequest(5000).orElseThrow();
                    customer.raw.send(customer.response(reinvite, 481, "Call/Transaction Does Not Exist", null,
                            null));

                    String invite = nextRequestButAck(trunk);
                    assertThat(invite).as("the customer is called back at their number, through the trunk")
                            .startsWith("INVITE sip:+85291234567@127.0.0.1:" + trunk.raw.localPort() + ";user=phone");
                    assertThat(RawSip.header(invite, "Call-ID")).isNotEqualTo("dialog-8@trunk");
                    assertThat(RawSip.body(invite)).contains("m=audio");
                    trunk.raw.send(trunk.response(invite, 200, "OK", "li-tag", RELAY_SDP));
                    await("the callback's leg is on B's relay", () -> nodeB.media.calls
                            .contains("applyAnswer CUSTOMER " + call));
                    assertThat(nodeB.routing.ended).as("the call goes on, with the same advisor").isEmpty();
                    assertThat(nodeB.events(AdvisorOffered.class)).as("no new routing offer: no queue")
                            .hasSize(1);
                    assertThat(nodeB.events(ChatMessagePosted.class)).as("the conversation says what happened")
                            .anyMatch(m -> m.text().contains("calling +85291234567 back through the trunk"))
                            .anyMatch(m -> m.text().contains("callback answered at +85291234567"));

                    nodeB.bus.publish(new org.mvtm.core.event.InteractionEnded(Instant.now(), call,
                            org.mvtm.core.event.InteractionEnded.EndedBy.ADVISOR));
                    String bye = nextRequestButAck(trunk);
                    assertThat(bye).as("the advisor's hang-up reaches the called-back customer").startsWith("BYE ");
                    assertThat(RawSip.header(bye, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
                } finally {
                    nodeB.close();
                }
            }
        }

        @Test
        void anAdvisorPhoneThatRefusesTheSurvivorsReInviteIsCalledAgainAndTalksWithTheCustomer() {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            EdgeFixture nodeB = survivor(prefix);
            InteractionId call = InteractionId.of("call-advisor-refused");
            try (SipPeer customer = SipPeer.udp(nodeB.udp(), "carol");
                 SipPeer desk = SipPeer.udp(nodeB.udp(), "alice")) {
                String customerReinvite = takenOverWhileTheDeskPhoneRefuses(prefix, deadNode, nodeB, customer, desk,
                        call, "dialog-3@phone", "dialog-4@desk");

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
                await("B's relay has the advisor's new leg and B holds the new dialog", () -> nodeB.media.calls
                        .containsAll(java.util.List.of("removeLeg ADVISOR " + call, "applyAnswer ADVISOR " + call))
                        && deadNode.heldBy("http://node-b").stream().anyMatch(d -> d.party() == Party.ADVISOR
                        && d.callId().equals(RawSip.header(invite, "Call-ID"))));
                assertThat(nodeB.media.calls.stream().filter(c -> c.equals("offer ADVISOR " + call)))
                        .as("one offer for the re-INVITE, one for the new call, both from B's relay").hasSize(2);
                assertThat(nodeB.media.calls).as("the customer's side is untouched")
                        .doesNotContain("removeLeg CUSTOMER " + call);
                assertThat(nodeB.routing.ended).as("the call goes on").isEmpty();
                assertThat(nodeB.events(AdvisorOffered.class)).as("no new routing offer").hasSize(1);
                assertThat(nodeB.routing.declined).isEmpty();

                customer.raw.send(customer.request("BYE", SipPeer.contactUri(customerReinvite), "dialog-3@phone",
                        "phone-tag", "<sip:cards@bank.example>;tag=b2bua-tag", 3, java.util.Map.of(), null, null));
                awaitEnded(nodeB, call, org.mvtm.core.event.InteractionEnded.EndedBy.CUSTOMER);
                String bye = nextRequestButAck(desk);
                assertThat(bye).as("the customer's BYE hangs the new call up").startsWith("BYE ");
                assertThat(RawSip.header(bye, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
            } finally {
                nodeB.close();
            }
        }

        @Test
        void anAdvisorPhoneThatRefusesTheReInviteAndDoesNotAnswerTheNewCallEndsTheCall() {
            String prefix = "takeover" + PREFIXES.incrementAndGet() + ":";
            SharedDialogs deadNode = SharedDialogs.redis(redis, prefix, "http://node-a");
            EdgeFixture nodeB = survivor(prefix);
            InteractionId call = InteractionId.of("call-advisor-gone");
            try (SipPeer customer = SipPeer.udp(nodeB.udp(), "carol");
                 SipPeer desk = SipPeer.udp(nodeB.udp(), "alice")) {
                takenOverWhileTheDeskPhoneRefuses(prefix, deadNode, nodeB, customer, desk, call, "dialog-5@phone",
                        "dialog-6@desk");
                String invite = nextRequestButAck(desk);
                assertThat(invite).startsWith("INVITE ");
                desk.raw.send(desk.response(invite, 486, "Busy Here", "desk-tag-3", null));

                awaitEnded(nodeB, call, org.mvtm.core.event.InteractionEnded.EndedBy.SYSTEM);
                String bye = nextRequestButAck(customer);
                assertThat(bye).as("the customer hears BYE").startsWith("BYE ");
                assertThat(RawSip.header(bye, "Call-ID")).isEqualTo("dialog-5@phone");
                assertThat(nodeB.routing.declined).as("no offer was made, none is declined").isEmpty();
            } finally {
                nodeB.close();
            }
        }

        /**
         * A customer and an advisor's desk phone connected at dead node A; node B takes the call over; the customer's
         * phone answers B's re-INVITE, the desk phone refuses it (481). Returns the customer's re-INVITE.
         */
        private String takenOverWhileTheDeskPhoneRefuses(String prefix, SharedDialogs deadNode, EdgeFixture nodeB,
                                                         SipPeer customer, SipPeer desk, InteractionId call,
                                                         String customerDialog, String deskDialog) {
            connectedAtTheDeadNode(nodeB, deadNode, customer, call, customerDialog);
            advisorConnectedAtTheDeadNode(deadNode, desk, call, deskDialog);
            registeredAtTheDeadNode(prefix, desk);

            nodeB.edge.takeOverCalls(call, "http://node-a");
            String customerReinvite = customer.nextRequest(5000).orElseThrow();
            customer.raw.send(customer.response(customerReinvite, 200, "OK", null, RELAY_SDP));
            String deskReinvite = desk.nextRequest(5000).orElseThrow();
            assertThat(RawSip.header(deskReinvite, "Call-ID")).isEqualTo(deskDialog);
            desk.raw.send(desk.response(deskReinvite, 481, "Call/Transaction Does Not Exist", null, null));
            return customerReinvite;
        }

        /** The next request {@code phone} gets, past the ACKs of the responses it sent. */
        private String nextRequestButAck(SipPeer phone) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                java.util.Optional<String> r = phone.nextRequest(1000);
                if (r.isPresent() && !r.get().startsWith("ACK ")) {
                    return r.get();
                }
            }
            throw new AssertionError("no request but ACK reached " + phone.raw.localPort());
        }

        /** Node B's edge, sharing the dialogs under {@code prefix} with dead node A. */
        private EdgeFixture survivor(String prefix) {
            return EdgeFixture.sharingDialogs(b -> b.tlsPort(-1),
                    RegistrationStores.redis(redis, prefix, Clock.systemUTC()),
                    SharedDialogs.redis(redis, prefix, "http://node-b"));
        }

        /** The advisor's desk phone as node A left it: registered in Redis, {@code phone}'s address. */
        private void registeredAtTheDeadNode(String prefix, SipPeer phone) {
            RegistrationStores.redis(redis, prefix, Clock.systemUTC()).put(new Binding("sip:alice@bank.example",
                    "sip:alice@127.0.0.1:" + phone.raw.localPort(), Instant.now().plusSeconds(600), "desk-1", 1, 1f));
        }

        /** The advisor's leg node A placed to the desk phone {@code phone} for {@code call}, held by A. */
        private void advisorConnectedAtTheDeadNode(SharedDialogs deadNode, SipPeer phone, InteractionId call,
                                                   String callId) {
            deadNode.save(new SharedDialog(callId, "a-tag", "desk-tag", "\"Customer\" <sip:cards@bank.example>",
                    "<sip:alice@bank.example>", "sip:alice@127.0.0.1:" + phone.raw.localPort(), java.util.List.of(),
                    org.mvtm.sip.api.SipTransport.UDP, 1, 0, RELAY_SDP, call, Party.ADVISOR, null));
        }

        /** The customer's call as node A left it in Redis: connected to alice, its dialog held by A. */
        private void connectedAtTheDeadNode(EdgeFixture nodeB, SharedDialogs deadNode, SipPeer phone,
                                            InteractionId call, String callId) {
            connectedAtTheDeadNode(nodeB, deadNode, phone, call, callId, "<sip:carol@bank.example>");
        }

        private void connectedAtTheDeadNode(EdgeFixture nodeB, SharedDialogs deadNode, SipPeer phone,
                                            InteractionId call, String callId, String customerAddress) {
            // advisor-7 has no registered phone: B rings none at the offer (node A did, long before it died)
            nodeB.routing.offer(call, AgentId.of("advisor-7"), Instant.now().plusSeconds(20));
            assertThat(nodeB.routing.accept(call, AgentId.of("advisor-7"))).isTrue();
            deadNode.save(new SharedDialog(callId, "b2bua-tag", "phone-tag", "<sip:cards@bank.example>",
                    customerAddress, "sip:carol@127.0.0.1:" + phone.raw.localPort(), java.util.List.of(),
                    org.mvtm.sip.api.SipTransport.UDP, 0, 2, RELAY_SDP, call, Party.CUSTOMER, null));
        }

        private void awaitEnded(EdgeFixture node, InteractionId call, org.mvtm.core.event.InteractionEnded.EndedBy by) {
            await("the call ended, by " + by + ": " + node.routing.ended, () -> node.routing.ended.stream()
                    .anyMatch(e -> e.interaction().equals(call) && e.endedBy() == by));
        }

        private void await(String what, java.util.function.BooleanSupplier done) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (!done.getAsBoolean()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError(what);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
