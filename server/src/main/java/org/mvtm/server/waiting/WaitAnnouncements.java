package org.mvtm.server.waiting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.Language;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.sip.api.speech.CacheNames;
import org.mvtm.sip.api.speech.SpeechSynthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells waiting SIP callers their place and honest estimated wait (routing's, from the advisors who can serve them)
 * in their language, at once and then every {@code interval}: each time, the spoken sentence (from the SIP edge's
 * text-to-speech port, the one the IVR speaks with) followed by the queue music up to the next announcement is played
 * (looped) on the caller's leg. The clips are cached per sentence under {@code dir}. Speech or playback that fails
 * leaves the caller with the music they hear anyway. A one-second check on a virtual thread finds who is due, by the
 * injected clock; nothing runs on the SIP threads.
 */
public final class WaitAnnouncements implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WaitAnnouncements.class);

    /** Plays a clip, looped, to a waiting caller (replacing what they hear). */
    @FunctionalInterface
    public interface Player {
        void play(InteractionId caller, Path clip);
    }

    private final RoutingEngine routing;
    private final SpeechSynthesizer speech;
    private final Path music;
    private final Path dir;
    private final Duration interval;
    private final Clock clock;
    private final Map<InteractionId, Instant> due = new ConcurrentHashMap<>();
    private final Map<InteractionId, Instant> since = new ConcurrentHashMap<>();
    private final Map<InteractionId, Player> players = new ConcurrentHashMap<>();
    private volatile Optional<Character> callbackKey = Optional.empty();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("wait-announcements").factory());

    public WaitAnnouncements(RoutingEngine routing, SpeechSynthesizer speech, Path music, Path dir, Duration interval,
                             Clock clock) {
        this.routing = routing;
        this.speech = speech;
        this.music = music;
        this.dir = dir;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Every announcement ends with the in-queue callback offer ("If you prefer to be called back, press 1."): for an
     * edge whose callers can ask for a callback with {@code key}. Call before {@link #start}.
     */
    public WaitAnnouncements offeringCallbacks(char key) {
        this.callbackKey = Optional.of(key);
        return this;
    }

    /** Starts the one-second check. */
    public WaitAnnouncements start() {
        timer.scheduleWithFixedDelay(this::announceDue, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * A caller started waiting: their first announcement is due now. The SIP edge starts the queue audio before it
     * hands the caller to routing (so an advisor's answer always stops it), so a caller routing does not know yet is
     * tried again every second for one interval before they count as gone.
     */
    public void waiting(InteractionId caller, Player player) {
        players.put(caller, player);
        since.put(caller, clock.instant());
        due.put(caller, clock.instant());
        timer.execute(this::announceDue);
    }

    /** The caller is answered or gone: no more announcements. */
    public void done(InteractionId caller) {
        synchronized (players) { // an announcement being started finishes first, and none starts after
            due.remove(caller);
            since.remove(caller);
            players.remove(caller);
        }
    }

    /** Announces to every caller whose turn has come; returns how many were told. */
    public int announceDue() {
        Instant now = clock.instant();
        int told = 0;
        for (Map.Entry<InteractionId, Instant> e : due.entrySet()) {
            if (e.getValue().isAfter(now)) {
                continue;
            }
            InteractionId caller = e.getKey();
            due.replace(caller, e.getValue(), now.plus(interval));
            Optional<QueuePosition> position = routing.position(caller);
            Optional<Language> language = routing.interaction(caller).map(v -> v.interaction().language());
            Player player = players.get(caller);
            if (player == null) {
                continue; // done meanwhile
            }
            if (position.isEmpty() || language.isEmpty()) {
                Instant first = since.getOrDefault(caller, now);
                if (now.isBefore(first.plus(interval))) {
                    due.replace(caller, now.plus(interval), now.plusSeconds(1)); // not in the queue yet: next second
                } else {
                    done(caller); // answered or gone meanwhile
                }
                continue;
            }
            try {
                String text = WaitAnnouncementText.of(language.get(), position.get().position(), position.get().estimatedWait())
                        + callbackKey.map(k -> WaitAnnouncementText.callbackOffer(language.get(), k)).orElse("");
                Path clip = clip(text, language.get());
                synchronized (players) {
                    if (players.get(caller) != player) {
                        continue; // answered while the clip was made: the advisor's voice, not an announcement
                    }
                    player.play(caller, clip);
                }
                log.info("told waiting caller {} ({}): {}", caller, language.get().tag(), text);
                told++;
            } catch (IOException | RuntimeException ex) {
                log.warn("no wait announcement for {} (the music plays on): {}", caller, ex.toString());
            }
        }
        return told;
    }

    /** The sentence spoken, then the music up to the next announcement: one WAV per sentence, made once. */
    Path clip(String text, Language language) throws IOException {
        Path file = dir.resolve("wait-" + language.tag() + "-" + CacheNames.of(text + "|" + interval) + ".wav");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Pcm spoken = Pcm.fromMuLaw(speech.speak(text, language));
            spoken.then(Pcm.silence(Duration.ofMillis(700), Pcm.TELEPHONE_RATE))
                    .paddedWith(Pcm.fromWav(music), interval).writeWav(file);
        }
        return file;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
