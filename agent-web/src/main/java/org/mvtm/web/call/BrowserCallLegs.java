package org.mvtm.web.call;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.springframework.stereotype.Component;

/**
 * The browser legs of calls: one current leg per (interaction, party). A page that reconnects sends a new offer;
 * its old leg is removed first so the media server never relays to a dead browser. Signalling only: the media
 * topology (who relays to whom) belongs to the {@link MediaSession}. When the current leg of a party fails (ICE or
 * DTLS), the consoles of the call are told through {@link #onFailure} so neither side waits for media forever.
 */
@Component
public class BrowserCallLegs {
    /**
     * A party's current leg in a call: {@code person} is empty for the call's customer and advisor, else the
     * supervisor or colleague whose leg it is.
     */
    private record LegKey(InteractionId interaction, Party party, String person) {
        static LegKey of(InteractionId interaction, Party party) {
            return new LegKey(interaction, party, "");
        }

        static LegKey supervisor(InteractionId interaction, String supervisor) {
            return new LegKey(interaction, Party.SUPERVISOR, supervisor);
        }

        static LegKey colleague(InteractionId interaction, String colleague) {
            return new LegKey(interaction, Party.ADVISOR, colleague);
        }
    }

    /** The current media leg of {@code party} in the call failed; {@code reason} is the relay's diagnosis. */
    public record Failure(InteractionId interaction, Party party, String reason) {
    }

    private final MediaServer media;
    private final Map<LegKey, String> currentLegs = new ConcurrentHashMap<>();
    private final List<Consumer<Failure>> failureListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<InteractionId>> retryListeners = new CopyOnWriteArrayList<>();

    public BrowserCallLegs(MediaServer media) {
        this.media = media;
        media.addListener(this::onMediaEvent);
    }

    /** Called (on a media thread: hand work off, never block) when a current leg fails. */
    public void onFailure(Consumer<Failure> listener) {
        failureListeners.add(listener);
    }

    /** The advisor asked to reconnect the call's media: each party's page sends a fresh offer. */
    public void retry(InteractionId interaction) {
        retryListeners.forEach(l -> l.accept(interaction));
    }

    public void onRetry(Consumer<InteractionId> listener) {
        retryListeners.add(listener);
    }

    private void onMediaEvent(MediaEvent event) {
        String reason = switch (event) {
            case MediaEvent.IceFailed f -> f.reason();
            case MediaEvent.DtlsFailed f -> f.reason();
            default -> null;
        };
        if (reason == null) {
            return;
        }
        Party.ofLegId(event.legId()).map(party -> LegKey.of(event.interaction(), party))
                .filter(key -> event.legId().equals(currentLegs.get(key)))
                .map(key -> new Failure(key.interaction(), key.party(), reason))
                .ifPresent(failure -> failureListeners.forEach(l -> l.accept(failure)));
    }

    /** Adds the browser's leg for the party and returns the media server's SDP answer and the leg id. */
    public Answer answer(InteractionId interaction, Party party, String sdpOffer) {
        MediaSession session = media.session(interaction);
        String legId = party.mediaName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String previous = currentLegs.put(LegKey.of(interaction, party), legId);
        if (previous != null && session.legs().stream().anyMatch(l -> l.legId().equals(previous))) {
            session.removeLeg(previous);
        }
        return new Answer(legId, session.addWebRtcLeg(legId, party, sdpOffer));
    }

    public record Answer(String legId, String sdp) {
    }

    public void candidate(InteractionId interaction, Party party, String candidate) {
        String legId = currentLegs.get(LegKey.of(interaction, party));
        if (legId == null) {
            throw new IllegalStateException("no " + party.mediaName() + " media leg for " + interaction
                    + " yet: send the offer first");
        }
        media.find(interaction).ifPresent(session -> session.addRemoteCandidate(legId, candidate));
    }

    /** Holds or resumes the customer's leg (no media either way while held). */
    public void hold(InteractionId interaction, boolean onHold) {
        String legId = currentLegs.get(LegKey.of(interaction, Party.CUSTOMER));
        if (legId != null) {
            media.find(interaction).ifPresent(session -> session.hold(legId, onHold));
        }
    }

    /** Mutes or unmutes what the advisor's browser sends: the relay passes none of its audio while muted. */
    public void muteAdvisor(InteractionId interaction, boolean muted) {
        String legId = currentLegs.get(LegKey.of(interaction, Party.ADVISOR));
        if (legId != null) {
            media.find(interaction).ifPresent(session -> session.mute(legId, muted));
        }
    }

    /**
     * Adds a supervisor's browser leg to a call in {@code mode} (listen, whisper, barge-in) and returns the SDP
     * answer; a supervisor who offers again replaces their previous leg. The leg id is the key for {@link #monitor}.
     */
    public Answer addMonitor(InteractionId interaction, String supervisor, String sdpOffer, MonitorMode mode) {
        MediaSession session = media.find(interaction)
                .orElseThrow(() -> new MediaException("call " + interaction + " has no media to monitor"));
        stopMonitor(interaction, supervisor);
        String legId = Party.SUPERVISOR.mediaName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String answer = session.addWebRtcLeg(legId, Party.SUPERVISOR, sdpOffer);
        currentLegs.put(LegKey.supervisor(interaction, supervisor), legId);
        try {
            session.monitor(legId, mode);
        } catch (RuntimeException e) {
            stopMonitor(interaction, supervisor);
            throw e;
        }
        return new Answer(legId, answer);
    }

    /** True while the supervisor has a monitoring leg in the call. */
    public boolean isMonitoring(InteractionId interaction, String supervisor) {
        return currentLegs.containsKey(LegKey.supervisor(interaction, supervisor));
    }

    /** Changes what a monitoring supervisor hears and who hears them; false if they are not monitoring the call. */
    public boolean monitor(InteractionId interaction, String supervisor, MonitorMode mode) {
        String legId = currentLegs.get(LegKey.supervisor(interaction, supervisor));
        MediaSession session = media.find(interaction).orElse(null);
        if (legId == null || session == null) {
            return false;
        }
        session.monitor(legId, mode);
        return true;
    }

    /** Removes the supervisor's leg; false if there was none. */
    public boolean stopMonitor(InteractionId interaction, String supervisor) {
        return removeLeg(LegKey.supervisor(interaction, supervisor));
    }

    /**
     * A colleague's browser joins a call as a second advisor leg: connected to the advisor's current leg (and, like
     * every advisor leg, to the customer), so each of the three hears the two others mixed.
     */
    public Answer addColleague(InteractionId interaction, String colleague, String sdpOffer) {
        MediaSession session = media.find(interaction)
                .orElseThrow(() -> new MediaException("call " + interaction + " has no media to join"));
        session.cannotMix().ifPresent(why -> {
            throw new MediaException("a three-way call mixes audio, which this call's cannot be: " + why);
        });
        removeColleague(interaction, colleague);
        String legId = Party.ADVISOR.mediaName() + "-colleague-" + UUID.randomUUID().toString().substring(0, 8);
        String answer = session.addWebRtcLeg(legId, Party.ADVISOR, sdpOffer);
        currentLegs.put(LegKey.colleague(interaction, colleague), legId);
        String advisorLeg = currentLegs.get(LegKey.of(interaction, Party.ADVISOR));
        if (advisorLeg != null && session.legs().stream().anyMatch(l -> l.legId().equals(advisorLeg))) {
            session.connect(advisorLeg, legId);
        }
        return new Answer(legId, answer);
    }

    /** True while the colleague has a leg in the call. */
    public boolean hasColleague(InteractionId interaction, String colleague) {
        return currentLegs.containsKey(LegKey.colleague(interaction, colleague));
    }

    /** The colleague leaves the call; false if they were not in it. */
    public boolean removeColleague(InteractionId interaction, String colleague) {
        return removeLeg(LegKey.colleague(interaction, colleague));
    }

    /** Forgets the leg kept under {@code key} and removes it from the call's media if it is still there. */
    private boolean removeLeg(LegKey key) {
        String legId = currentLegs.remove(key);
        if (legId == null) {
            return false;
        }
        media.find(key.interaction()).filter(s -> s.legs().stream().anyMatch(l -> l.legId().equals(legId)))
                .ifPresent(s -> s.removeLeg(legId));
        return true;
    }

    /** Forgets the legs of an ended call (the server releases the media session). */
    public void forget(InteractionId interaction) {
        currentLegs.keySet().removeIf(k -> k.interaction().equals(interaction));
    }
}
