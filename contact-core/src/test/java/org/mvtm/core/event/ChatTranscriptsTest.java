package org.mvtm.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.mvtm.core.TranscriptTurn.Speaker;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.time.MutableClock;

class ChatTranscriptsTest {
    private final InProcessEventBus bus = new InProcessEventBus();

    @Test
    void aFollowerGetsEveryLineOnceInTheOrderDeliveredWhileFourWritersPublish() throws Exception {
        Clock clock = Clock.systemUTC();
        ConversationId conversation = ConversationId.of("web-1");
        try (ChatTranscripts transcripts = new ChatTranscripts(bus, clock, Duration.ofHours(4))) {
            List<ChatMessagePosted> delivered = new ArrayList<>();
            bus.subscribe(ChatMessagePosted.class, delivered::add); // under the conversation's order lock
            CountDownLatch halfway = new CountDownLatch(2_000);
            List<Thread> writers = new ArrayList<>();
            for (Speaker speaker : List.of(Speaker.CUSTOMER, Speaker.BOT, Speaker.ADVISOR, Speaker.SYSTEM)) {
                writers.add(Thread.ofVirtual().start(() -> {
                    for (int n = 0; n < 1_000; n++) {
                        String text = speaker + " " + n;
                        bus.publishInOrder(
                                conversation,
                                () -> new ChatMessagePosted(clock.instant(), conversation, speaker, "x", text));
                        halfway.countDown();
                    }
                }));
            }
            halfway.await();
            List<ChatMessagePosted> followed = new ArrayList<>();
            ChatTranscripts.Followed following = transcripts.follow(conversation, followed::add);
            for (Thread w : writers) {
                w.join();
            }
            following.close();

            assertThat(following.earlierLines()).isGreaterThanOrEqualTo(2_000);
            assertThat(followed)
                    .as("every line once, in delivery order")
                    .containsExactlyElementsOf(delivered)
                    .hasSize(4_000);
            assertThat(followed)
                    .as("delivery order is the order of the lines' times")
                    .isSortedAccordingTo(Comparator.comparing(ChatMessagePosted::at));
            assertThat(transcripts.lines(conversation)).containsExactlyElementsOf(delivered);
        }
    }

    @Test
    void aConversationIdleLongerThanTheLimitIsForgottenUnlessFollowed() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        ConversationId idle = ConversationId.of("idle");
        ConversationId followed = ConversationId.of("followed");
        try (ChatTranscripts transcripts = new ChatTranscripts(bus, clock, Duration.ofHours(4))) {
            for (ConversationId c : List.of(idle, followed)) {
                bus.publish(new ChatMessagePosted(clock.instant(), c, Speaker.CUSTOMER, "c", "hello"));
            }
            transcripts.follow(followed, line -> {});
            clock.advance(Duration.ofHours(4).plusSeconds(1));

            assertThat(transcripts.expireIdle(clock.instant())).isEqualTo(1);
            assertThat(transcripts.lines(idle)).isEmpty();
            assertThat(transcripts.lines(followed)).hasSize(1);
        }
    }
}
