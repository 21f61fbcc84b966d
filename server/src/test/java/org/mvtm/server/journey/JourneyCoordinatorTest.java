package org.mvtm.server.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.TranscriptTurn.Speaker;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.Viewer;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.server.demo.DemoSeed;

/**
 * The coordinator and the bot turns on real modules (in-memory routing, the real assistant, the embedded media server, a recording
 * store in a temporary directory): the bot answers until handoff and then stays silent, and an accepted chat is
 * recorded with the bot transcript, the advisor's join, both sides' lines and the end on one timeline.
 */
class JourneyCoordinatorTest {
    private static final Duration RECORDING_LAG = Duration.ofSeconds(5);
    private static final Customer CHAN =
            new Customer(CustomerId.of("chan"), "Mr Chan", CustomerTier.VIP, Language.YUE, Region.HK);
    private static final Viewer HK_COMPLIANCE =
            new Viewer("connie", Set.of(Role.COMPLIANCE), Set.of(Region.HK), "test");

    private final Clock clock = Clock.systemUTC();
    private final InProcessEventBus bus = new InProcessEventBus();
    private final List<ChatMessagePosted> botLines = new CopyOnWriteArrayList<>();
    private final List<AdvisorOffered> offers = new CopyOnWriteArrayList<>();
    private final List<BotHandedOff> handoffs = new CopyOnWriteArrayList<>();
    private final List<InteractionId> ended = new CopyOnWriteArrayList<>();
    private RoutingEngine routing;
    private Assistant assistant;
    private MediaServer media;
    private RecordingStore store;
    private BotTurns turns;
    private JourneyCoordinator coordinator;

    @BeforeEach
    void startModules(@TempDir Path dir) {
        bus.subscribe(ChatMessagePosted.class, e -> {
            if (e.speaker() == Speaker.BOT) {
                botLines.add(e);
            }
        });
        bus.subscribe(AdvisorOffered.class, offers::add);
        bus.subscribe(BotHandedOff.class, handoffs::add);
        bus.subscribe(org.mvtm.core.event.InteractionEnded.class, e -> ended.add(e.interaction()));
        routing = RoutingEngines.inMemory(RoutingConfig.defaults(), clock, bus);
        routing.defineQueue(QueueConfig.of(QueueId.of("cards"), List.of(SkillRequirement.of("product.cards", 3))));
        for (var u : DemoSeed.read().users()) {
            if (u.advisor() != null) {
                routing.registerAdvisor(new org.mvtm.core.Advisor(org.mvtm.core.id.AgentId.of(u.username()), u.displayName(),
                        org.mvtm.core.Region.of(u.advisor().region()), u.advisor().skills().stream()
                        .map(s -> org.mvtm.core.Skill.of(s.skill(), s.level())).collect(java.util.stream.Collectors.toSet()), null));
            }
        }
        assistant = Assistants.create(AssistantConfig.defaults(), clock, bus);
        media = MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), clock);
        store = RecordingStores.open(RecordingStoreConfig.defaults(dir.resolve("recordings"), RecordingKeys.generate()), clock, bus);
        turns = Assistants.turns(assistant, bus, clock);
        coordinator = new JourneyCoordinator(routing, media, store, bus, clock, RecordingPlacement.THIS_NODE,
                RECORDING_LAG);
    }

    @AfterEach
    void stopModules() {
        coordinator.close();
        turns.close();
        store.close();
        media.close();
        assistant.close();
        routing.close();
    }

    @Test
    void botAnswersUntilHandoffThenTheAcceptedChatIsRecordedOnOneTimeline() {
        ConversationId conversation = ConversationId.random();
        say(conversation, Speaker.CUSTOMER, "chan", "我張信用卡唔見咗，點算好？");
        await().atMost(Duration.ofSeconds(60)).until(() -> !botLines.isEmpty());
        assertThat(botLines.getFirst().conversation()).isEqualTo(conversation);
        assertThat(botLines.getFirst().text()).isNotBlank();

        assistant.handOff(conversation);
        await().until(() -> handoffs.size() == 1);
        int linesAtHandoff = botLines.size();

        AgentId alice = AgentId.of("alice");
        routing.attach(alice);
        routing.login(alice);
        routing.ready(alice);
        InteractionId id = InteractionId.random();
        routing.enqueue(new Interaction(id, conversation, Channel.CHAT, CHAN, Language.YUE,
                List.of(SkillRequirement.of("lang.yue", 5), SkillRequirement.of("product.cards", 3)),
                QueueId.of("cards"), handoffs.getFirst().context(), clock.instant()));
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id)));
        assertThat(offers.getFirst().advisor()).isEqualTo(alice);

        routing.accept(id, alice);
        await().until(() -> store.active(id).isPresent());
        say(conversation, Speaker.ADVISOR, "alice", "陳生你好，我幫你凍結張卡先。");
        say(conversation, Speaker.CUSTOMER, "chan", "唔該晒");
        routing.complete(id);
        await().until(() -> ended.contains(id));
        await().until(() -> store.active(id).isEmpty());

        await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty()
                && !store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).isEmpty());
        var found = store.search(HK_COMPLIANCE, RecordingQuery.builder().text("凍結").build());
        assertThat(found).as("found by a word of the advisor's chat").hasSize(1);
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, found.getFirst().id());
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.CUSTOMER_MESSAGE,
                TimelineEntry.Kind.BOT_MESSAGE, TimelineEntry.Kind.ADVISOR_JOINED, TimelineEntry.Kind.ADVISOR_MESSAGE,
                TimelineEntry.Kind.ENDED);
        assertThat(timeline).extracting(TimelineEntry::text).contains("唔該晒", "陳生你好，我幫你凍結張卡先。");
        assertThat(botLines).as("the bot stays silent after handoff").hasSize(linesAtHandoff);
    }

    @Test
    void aTransferredChatIsOneRecordingWithBothAdvisorsSealedAtTheEnd() {
        routing.defineQueue(QueueConfig.of(QueueId.of("general"), List.of()));
        AgentId alice = AgentId.of("alice");
        AgentId bob = AgentId.of("bob");
        for (AgentId a : List.of(alice, bob)) {
            routing.attach(a);
            routing.login(a);
        }
        routing.ready(alice);
        ConversationId conversation = ConversationId.random();
        say(conversation, Speaker.CUSTOMER, "chan", "我想問下投資戶口");
        InteractionId id = queueChat(conversation, CHAN);
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id) && o.advisor().equals(alice)));
        routing.accept(id, alice);
        await().until(() -> store.active(id).isPresent());
        say(conversation, Speaker.ADVISOR, "alice", "我幫你轉去投資部同事");

        routing.ready(bob);
        routing.transferToAdvisor(id, bob);
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id) && o.advisor().equals(bob)));
        routing.accept(id, bob);
        say(conversation, Speaker.ADVISOR, "bob", "陳生你好，我係Bob");
        say(conversation, Speaker.CUSTOMER, "chan", "你好Bob");
        routing.complete(id);
        await().until(() -> ended.contains(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty()
                && store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).stream()
                        .allMatch(r -> r.state() == org.mvtm.recording.api.RecordingState.SEALED));
        var recordings = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build());
        assertThat(recordings).as("one interaction, one recording").hasSize(1);
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, recordings.getFirst().id());
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.ADVISOR_JOINED)
                .extracting(TimelineEntry::actor).containsExactly("alice", "bob");
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.TRANSFERRED, TimelineEntry.Kind.ENDED);
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE
                || e.kind() == TimelineEntry.Kind.ADVISOR_MESSAGE).extracting(TimelineEntry::text).containsExactly(
                "我想問下投資戶口", "我幫你轉去投資部同事", "陳生你好，我係Bob", "你好Bob");
    }

    @Test
    void aConversationOnlyWithTheBotIsKeptAsAChatOnlyRecordingWithItsTranscript() {
        ConversationId conversation = ConversationId.random();
        java.time.Instant began = clock.instant();
        say(conversation, Speaker.CUSTOMER, "chan", "信用卡年費幾多錢？");
        await().atMost(Duration.ofSeconds(60)).until(() -> botLines.stream().anyMatch(l -> l.conversation().equals(conversation)));
        String botAnswer = botLines.stream().filter(l -> l.conversation().equals(conversation)).findFirst().orElseThrow().text();
        // what the customer web tier publishes when the customer leaves while still with the assistant
        bus.publish(new org.mvtm.core.event.BotConversationEnded(clock.instant(), conversation, CHAN, Language.YUE, began));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.search(HK_COMPLIANCE, RecordingQuery.builder().text("年費").build())
                .stream().anyMatch(r -> r.state() == org.mvtm.recording.api.RecordingState.SEALED));
        var kept = store.search(HK_COMPLIANCE, RecordingQuery.builder().text("年費").build());
        assertThat(kept).as("found by a word of the chat").singleElement().satisfies(r -> {
            assertThat(r.metadata().channel()).isEqualTo(Channel.CHAT);
            assertThat(r.metadata().conversation()).isEqualTo(conversation);
            assertThat(r.legs()).as("chat only: no media").isEmpty();
            assertThat(r.retainUntil()).as("under the retention rules").isPresent();
        });
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, kept.getFirst().id());
        assertThat(timeline).filteredOn(e -> e.kind().isTranscript()).extracting(TimelineEntry::text)
                .startsWith("信用卡年費幾多錢？", botAnswer);
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.ENDED);
    }

    @Test
    void aChatAbandonedInTheQueueIsKeptAsAChatOnlyRecordingWithItsTranscript() {
        routing.defineQueue(QueueConfig.of(QueueId.of("general"), List.of()));
        ConversationId conversation = ConversationId.random();
        say(conversation, Speaker.CUSTOMER, "lee", "I want to close my account");
        say(conversation, Speaker.BOT, ChatMessagePosted.ASSISTANT, "Let me find someone to help you.");
        Customer lee = new Customer(CustomerId.of("lee"), "Ms Lee", CustomerTier.STANDARD, Language.EN, Region.HK);
        InteractionId id = queueChat(conversation, lee);
        routing.abandon(id); // no advisor is ready: the customer gives up

        await().atMost(Duration.ofSeconds(30)).until(() -> store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("lee").build())
                .stream().anyMatch(r -> r.state() == org.mvtm.recording.api.RecordingState.SEALED));
        var kept = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("lee").build());
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.metadata().interaction()).isEqualTo(id);
            assertThat(r.metadata().channel()).isEqualTo(Channel.CHAT);
            assertThat(r.metadata().queue()).isEqualTo(QueueId.of("general"));
        });
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, kept.getFirst().id());
        assertThat(timeline).filteredOn(e -> e.kind().isTranscript()).extracting(TimelineEntry::text)
                .contains("I want to close my account", "Let me find someone to help you.");
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.QUEUED, TimelineEntry.Kind.ENDED);
    }

    /**
     * A recording seals itself when its media has been over for a grace period and the journey's end has not come (a
     * busy node, or the end relayed late from another node). What comes after, a last line and the end with who
     * ended it, is kept with the sealed recording, not lost.
     */
    @Test
    void aLineAndTheEndThatArriveAfterTheRecordingSealedItselfAreKeptWithIt() {
        ConversationId conversation = ConversationId.random();
        InteractionId id = chatAcceptedByAlice(conversation);
        say(conversation, Speaker.ADVISOR, "alice", "仲有冇其他嘢幫到你？");
        store.active(id).orElseThrow().seal(); // what the recording does once its grace after the media ran out

        say(conversation, Speaker.CUSTOMER, "chan", "冇喇，唔該");
        routing.complete(id);
        await().until(() -> ended.contains(id));

        var recording = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).getFirst();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.timeline(HK_COMPLIANCE,
                recording.id())).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.ENDED));
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, recording.id());
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE
                || e.kind() == TimelineEntry.Kind.ADVISOR_MESSAGE).extracting(TimelineEntry::text)
                .containsExactly("仲有冇其他嘢幫到你？", "冇喇，唔該");
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.ENDED).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("ended by ADVISOR"));
        assertThat(timeline).filteredOn(e -> e.text().equals("冇喇，唔該") || e.kind() == TimelineEntry.Kind.ENDED)
                .as("shown as kept after the seal, not as part of the sealed recording")
                .allSatisfy(e -> assertThat(e.attributes()).containsKey("annotation"));
        assertThat(store.verify(HK_COMPLIANCE, recording.id()).ok()).as("the chain with what was kept after the seal")
                .isTrue();
    }

    /**
     * PCI pause in a chat (card details typed): the customer's app pauses, the card number written next is on the
     * record only redacted, and the chat that ends while paused is resumed at its end by the system.
     */
    @Test
    void aLineWrittenDuringAPciPauseIsRedactedAndTheEndOfTheChatEndsThePause() {
        ConversationId conversation = ConversationId.random();
        InteractionId id = chatAcceptedByAlice(conversation);
        say(conversation, Speaker.ADVISOR, "alice", "請輸入卡號");
        bus.publish(new org.mvtm.core.event.RecordingPaused(clock.instant(), id, true, "chan",
                org.mvtm.core.event.RecordingPaused.Party.CUSTOMER, "card details"));
        say(conversation, Speaker.CUSTOMER, "chan", "4111 1111 1111 1111");
        routing.complete(id);
        await().until(() -> ended.contains(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty());
        var recording = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).getFirst();
        List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, recording.id());
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE
                || e.kind() == TimelineEntry.Kind.ADVISOR_MESSAGE).extracting(TimelineEntry::text)
                .containsExactly("請輸入卡號", "[redacted: written during a PCI pause]");
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.RECORDING_PAUSED
                || e.kind() == TimelineEntry.Kind.RECORDING_RESUMED)
                .extracting(TimelineEntry::kind, TimelineEntry::actor, e -> e.attributes().get("party"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.RECORDING_PAUSED, "chan", "CUSTOMER"),
                        org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.RECORDING_RESUMED, "system", "SYSTEM"));
        TimelineEntry end = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.ENDED).findFirst().orElseThrow();
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.RECORDING_RESUMED).singleElement()
                .satisfies(e -> assertThat(e.at()).as("the pause ends where the call ends").isEqualTo(end.at()));
    }

    /**
     * Two nodes: alice accepts on node A, the customer's leg reaches node B. B hears of the accept before any node
     * holds the call's media, and A looks for the media only after B's relay has taken it, so each would leave the
     * recording to the other (two video calls of the 2026-12-04 two-node benchmark had no recording). B records the
     * call when its media comes to B, once.
     */
    @Test
    void aCallAcceptedOnAnotherNodeBeforeItsMediaCameHereIsRecordedWhereTheMediaIs() {
        try (NodeB b = nodeB()) {
            InteractionId id = videoCallAcceptedByAlice(ConversationId.random());
            b.awaitAcceptWithoutMedia();

            b.mediaCame(id); // the customer's leg reached B first: B's relay holds the call
            await().until(() -> store.active(id).isPresent());
            routing.complete(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty());

            var recordings = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build());
            assertThat(recordings).as("one recording of the call, made where its media is").singleElement()
                    .satisfies(r -> assertThat(r.metadata().advisor()).isEqualTo(AgentId.of("alice")));
            assertThat(store.timeline(HK_COMPLIANCE, recordings.getFirst().id())).extracting(TimelineEntry::kind)
                    .contains(TimelineEntry.Kind.ADVISOR_JOINED, TimelineEntry.Kind.ENDED);
        }
    }

    /**
     * A PCI pause that starts and ends before the call's recording opens (the customer's app pauses right after the
     * accept while the recording is late; here the call's media reaches node B only after the resume): the recording
     * still has the pause on its timeline and the card number typed in it only redacted, and so the media the relay
     * kept from that time is not stored either. Before, the resume forgot the pause.
     */
    @Test
    void aPciPauseThatEndedBeforeTheRecordingOpenedStillRedactsWhatWasSaidInIt() {
        try (NodeB b = nodeB()) {
            ConversationId conversation = ConversationId.random();
            InteractionId id = videoCallAcceptedByAlice(conversation);
            b.awaitAcceptWithoutMedia();
            b.bus().publish(new org.mvtm.core.event.RecordingPaused(clock.instant(), id, true, "chan",
                    org.mvtm.core.event.RecordingPaused.Party.CUSTOMER, "card details"));
            b.bus().publish(new ChatMessagePosted(clock.instant(), conversation, Speaker.CUSTOMER, "chan",
                    "4111 1111 1111 1111"));
            b.bus().publish(new org.mvtm.core.event.RecordingPaused(clock.instant(), id, false, "chan",
                    org.mvtm.core.event.RecordingPaused.Party.CUSTOMER, "card details given"));

            b.mediaCame(id);
            await().until(() -> store.active(id).isPresent());
            routing.complete(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty());

            var recording = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).getFirst();
            List<TimelineEntry> timeline = store.timeline(HK_COMPLIANCE, recording.id());
            assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE)
                    .extracting(TimelineEntry::text).containsExactly("[redacted: written during a PCI pause]");
            assertThat(timeline).extracting(TimelineEntry::kind).containsSubsequence(
                    TimelineEntry.Kind.RECORDING_PAUSED, TimelineEntry.Kind.RECORDING_RESUMED);
        }
    }

    /**
     * A call whose recording cannot start (the disk stalls) makes the node count itself behind once its accept has
     * waited longer than the limit, not before, so that the SIP edge takes no new call meanwhile; once the recording
     * has started the node is on time again.
     */
    @Test
    void anAcceptedCallWhoseRecordingCannotStartPutsTheNodeBehindOnceItWaitedLongerThanTheLimit() throws Exception {
        CountDownLatch diskBack = new CountDownLatch(1);
        RecordingStore stalling = (RecordingStore) Proxy.newProxyInstance(RecordingStore.class.getClassLoader(),
                new Class<?>[] {RecordingStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("start")) {
                        diskBack.await();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MutableClock journeyClock = new MutableClock(clock.instant());
        coordinator.close();
        coordinator = new JourneyCoordinator(routing, media, stalling, bus, journeyClock, RecordingPlacement.THIS_NODE,
                RECORDING_LAG);
        AgentId alice = aliceReadyForGeneral();
        InteractionId id = queueChat(ConversationId.random(), CHAN);
        CountDownLatch acceptHeard = new CountDownLatch(1); // subscribed after the coordinator: it has heard first
        bus.subscribe(OfferAccepted.class, e -> {
            if (e.interaction().equals(id)) {
                acceptHeard.countDown();
            }
        });
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id)));
        try {
            routing.accept(id, alice);
            assertThat(acceptHeard.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(coordinator.recordingBehind()).as("just accepted").isFalse();
            journeyClock.advance(RECORDING_LAG.minusMillis(1));
            assertThat(coordinator.recordingBehind()).as("waited just under the limit").isFalse();
            journeyClock.advance(Duration.ofMillis(2));
            assertThat(coordinator.recordingBehind()).as("waited longer than the limit").isTrue();
        } finally {
            diskBack.countDown();
        }
        await().until(() -> store.active(id).isPresent());
        await().until(() -> !coordinator.recordingBehind());
    }

    /**
     * Under load the journey can reach a call's accept after the call ended (here: node B hears of the accept before
     * the call's media, the two talk and hang up, and only then does B learn the media is its own). The recording
     * still holds what both said, and the relay keeps no session of the call after it is sealed.
     */
    @Test
    void aCallThatEndedBeforeItsRecordingStartedIsStillRecordedWithWhatBothSaid() throws Exception {
        try (NodeB b = nodeB();
             LoopbackPcmuPhone customer = new LoopbackPcmuPhone(11);
             LoopbackPcmuPhone advisor = new LoopbackPcmuPhone(22)) {
            InteractionId id = videoCallAcceptedByAlice(ConversationId.random());
            b.awaitAcceptWithoutMedia();

            var call = media.session(id);
            String toCustomer = call.addRtpLeg("customer", org.mvtm.core.Party.CUSTOMER, customer.sdp());
            String toAdvisor = call.createRtpOffer("advisor", org.mvtm.core.Party.ADVISOR);
            call.applyRtpAnswer("advisor", advisor.sdp());
            customer.send(toCustomer, 25);
            advisor.send(toAdvisor, 25);
            await().until(() -> customer.heard.get() >= 20 && advisor.heard.get() >= 20);
            call.release(); // both hung up

            b.mediaCame(id);
            await().until(() -> store.active(id).isPresent());
            routing.complete(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.active(id).isEmpty());

            var recording = store.search(HK_COMPLIANCE, RecordingQuery.builder().customer("chan").build()).getFirst();
            assertThat(recording.legs()).as("both parties' media in the recording")
                    .extracting(l -> l.party() + " " + (l.packets() >= 20))
                    .containsExactlyInAnyOrder("customer true", "advisor true");
            assertThat(media.activeSessions()).as("no session of the call left in the relay").isEmpty();
        }
    }

    /**
     * Node B of two: this test's coordinator becomes node A, where alice accepts and which holds no media; B hears
     * of accepts and ends from A and records a call once its media comes to B ({@link NodeB#mediaCame}).
     */
    private NodeB nodeB() {
        coordinator.close();
        coordinator = new JourneyCoordinator(routing, media, store, bus, clock, interaction -> false, RECORDING_LAG);
        InProcessEventBus busOfB = new InProcessEventBus();
        Set<InteractionId> mediaOnB = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch askedBeforeTheMedia = new java.util.concurrent.CountDownLatch(1);
        RecordingPlacement placement = new RecordingPlacement() {
            @Override
            public boolean recordsHere(InteractionId interaction) {
                return mediaOnB.contains(interaction);
            }

            @Override
            public boolean alreadyHere(InteractionId interaction) {
                askedBeforeTheMedia.countDown();
                return mediaOnB.contains(interaction);
            }
        };
        bus.subscribe(OfferAccepted.class, busOfB::publishRelayed);
        bus.subscribe(org.mvtm.core.event.InteractionEnded.class, busOfB::publishRelayed);
        return new NodeB(new JourneyCoordinator(routing, media, store, busOfB, clock, placement, RECORDING_LAG), busOfB, mediaOnB,
                askedBeforeTheMedia);
    }

    private record NodeB(JourneyCoordinator coordinator, InProcessEventBus bus, Set<InteractionId> media,
                         java.util.concurrent.CountDownLatch askedBeforeTheMedia) implements AutoCloseable {
        /** B heard of the accept before any node held the call's media. */
        void awaitAcceptWithoutMedia() {
            await().until(() -> askedBeforeTheMedia.getCount() == 0);
        }

        void mediaCame(InteractionId id) {
            media.add(id);
            coordinator.mediaClaimedHere(id);
        }

        @Override
        public void close() {
            coordinator.close();
        }
    }

    /** Queue "general" with no skills asked, and alice signed in and ready on this node. */
    private AgentId aliceReadyForGeneral() {
        routing.defineQueue(QueueConfig.of(QueueId.of("general"), List.of()));
        AgentId alice = AgentId.of("alice");
        routing.attach(alice);
        routing.login(alice);
        routing.ready(alice);
        return alice;
    }

    /** Mr Chan's video call, queued in "general" and accepted by alice. */
    private InteractionId videoCallAcceptedByAlice(ConversationId conversation) {
        AgentId alice = aliceReadyForGeneral();
        InteractionId id = InteractionId.random();
        routing.enqueue(new Interaction(id, conversation, Channel.VIDEO, CHAN, CHAN.language(), List.of(),
                QueueId.of("general"), org.mvtm.core.HandoffContext.direct(CHAN.language()), clock.instant()));
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id)));
        routing.accept(id, alice);
        return id;
    }

    /** Mr Chan's chat, queued in "general", accepted by alice, its recording open. */
    private InteractionId chatAcceptedByAlice(ConversationId conversation) {
        AgentId alice = aliceReadyForGeneral();
        InteractionId id = queueChat(conversation, CHAN);
        await().until(() -> offers.stream().anyMatch(o -> o.interaction().equals(id)));
        routing.accept(id, alice);
        await().until(() -> store.active(id).isPresent());
        return id;
    }

    /** The chat of {@code customer} queued in "general" for an advisor who speaks their language. */
    private InteractionId queueChat(ConversationId conversation, Customer customer) {
        InteractionId id = InteractionId.random();
        routing.enqueue(new Interaction(id, conversation, Channel.CHAT, customer, customer.language(),
                List.of(SkillRequirement.of(customer.language().skillName(), 5)), QueueId.of("general"),
                org.mvtm.core.HandoffContext.direct(customer.language()), clock.instant()));
        return id;
    }

    private void say(ConversationId conversation, Speaker speaker, String who, String text) {
        bus.publish(new ChatMessagePosted(clock.instant(), conversation, speaker, who, text));
    }
}
