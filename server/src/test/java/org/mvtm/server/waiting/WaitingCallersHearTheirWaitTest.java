package org.mvtm.server.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.sip.api.speech.Speech;
import org.mvtm.sip.api.speech.SpeechSynthesizer;

/**
 * Issue 18 item 3 for SIP callers: waiting callers are told, in their own language and spoken by the real espeak-ng
 * through the SIP edge's text-to-speech port (the IVR's), their place and routing's estimate (or, with nobody able to
 * serve them, that every advisor is busy, with no number), at once and then every interval by the injected clock,
 * over the queue music, each ending with how to ask for a callback; an answered caller hears no more announcements.
 */
@Tag("peer")
class WaitingCallersHearTheirWaitTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(45);

    private record Played(InteractionId caller, Path clip) {
    }

    @Test
    void callersHearTheirPlaceAndEstimateInTheirLanguageAtEachIntervalUntilAnswered(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(T0);
        Path music = dir.resolve("music.wav");
        new Pcm(tone(8000, 2), 8000).writeWav(music);
        SpeechSynthesizer espeak = Speech.espeak(dir.resolve("tts"));
        SpeechSynthesizer reference = Speech.espeak(dir.resolve("reference")); // its own cache: rendered afresh here
        List<Played> heard = new CopyOnWriteArrayList<>();
        try (RoutingEngine routing = RoutingEngines.inMemory(RoutingConfig.defaults()
                .withScheduling(RoutingConfig.Scheduling.MANUAL), clock, new InProcessEventBus());
             WaitAnnouncements announcements = new WaitAnnouncements(routing, espeak, music, dir.resolve("clips"),
                     INTERVAL, clock).offeringCallbacks('1')) {
            routing.defineQueue(QueueConfig.of(QueueId.of("general"), List.of()));
            AgentId amy = AgentId.of("amy");
            routing.registerAdvisor(new Advisor(amy, "Amy", Region.HK, Set.of(Skill.of("lang.en", 9)), null));
            routing.login(amy);
            routing.ready(amy);
            routing.enqueue(caller("first", Language.EN));
            routing.accept(InteractionId.of("first"), amy); // amy is busy: the next English caller waits for her
            clock.advance(Duration.ofSeconds(2));
            routing.enqueue(caller("smith", Language.EN));
            routing.enqueue(caller("chan", Language.YUE)); // nobody speaks Cantonese

            announcements.waiting(InteractionId.of("smith"), (c, clip) -> heard.add(new Played(c, clip)));
            announcements.waiting(InteractionId.of("chan"), (c, clip) -> heard.add(new Played(c, clip)));
            await().atMost(Duration.ofMinutes(1)).until(() -> heard.size() == 2); // told at once, off the caller's thread
            assertThat(heard).extracting(Played::caller).containsExactlyInAnyOrder(InteractionId.of("smith"), InteractionId.of("chan"));
            assertSpoken(reference, clipOf(heard, "smith"), Language.EN,
                    "Thank you for waiting. You are number 1 in the queue. Your estimated wait is about 3 minutes. "
                            + "If you prefer to be called back, press 1.");
            assertSpoken(reference, clipOf(heard, "chan"), Language.YUE,
                    "多謝你耐心等候。我哋嘅客戶經理暫時都忙緊，請唔好收線。想我哋打返俾你，請按1。");
            Pcm clip = Pcm.fromWav(clipOf(heard, "smith"));
            assertThat(clip.length()).as("speech, then music until the next announcement").isGreaterThanOrEqualTo(INTERVAL);

            heard.clear();
            clock.advance(INTERVAL.minusSeconds(1));
            assertThat(announcements.announceDue()).as("not before the interval").isZero();
            clock.advance(Duration.ofSeconds(1));
            routing.abandon(InteractionId.of("smith")); // smith hangs up: the SIP edge stops the queue audio
            announcements.done(InteractionId.of("smith"));
            assertThat(announcements.announceDue()).isEqualTo(1);
            assertThat(heard).extracting(Played::caller).containsExactly(InteractionId.of("chan"));

            // as the SIP edge does it: the queue audio starts before routing has the caller, who is told once queued
            announcements.waiting(InteractionId.of("wong"), (c, p) -> heard.add(new Played(c, p)));
            Thread.sleep(200); // the first, immediate attempt finds nobody in the queue
            routing.enqueue(caller("wong", Language.ZH));
            clock.advance(Duration.ofSeconds(1));
            assertThat(announcements.announceDue()).as("the next second's check finds wong queued").isEqualTo(1);
            assertThat(heard).hasSize(2);
            assertSpoken(reference, clipOf(heard, "wong"), Language.ZH, "感谢您的耐心等待。我们的客户经理正在忙碌，请不要挂机。如需回电，请按1。");
        }
    }

    private static void assertSpoken(SpeechSynthesizer espeak, Path clip, Language language, String sentence) throws Exception {
        Pcm expected = Pcm.fromMuLaw(espeak.speak(sentence, language));
        short[] heard = Pcm.fromWav(clip).samples();
        assertThat(expected.length()).isGreaterThan(Duration.ofSeconds(1));
        assertThat(java.util.Arrays.copyOf(heard, expected.samples().length))
                .as("the caller hears \"" + sentence + "\" in " + language).isEqualTo(expected.samples());
    }

    private static Path clipOf(List<Played> heard, String caller) {
        return heard.stream().filter(p -> p.caller().value().equals(caller)).reduce((a, b) -> b).orElseThrow().clip();
    }

    private static Interaction caller(String id, Language language) {
        Customer c = new Customer(CustomerId.of(id), null, CustomerTier.STANDARD, language, Region.HK);
        return new Interaction(InteractionId.of(id), ConversationId.of("conv-" + id), Channel.VOICE, c, language,
                List.of(), QueueId.of("general"), null, Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static short[] tone(int rate, int seconds) {
        short[] s = new short[rate * seconds];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (4000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return s;
    }
}
