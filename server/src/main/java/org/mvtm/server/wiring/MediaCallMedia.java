package org.mvtm.server.wiring;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.media.api.LegExistsException;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.server.waiting.WaitAnnouncements;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.LegTakenException;

/**
 * The SIP edge's media port, served by the media bridge: one plain-RTP leg per SIP party. The queue music doubles as
 * the hold music (the chime web customers hear on hold too); while queued, the caller is also told their estimated
 * wait at intervals ({@link WaitAnnouncements}).
 */
final class MediaCallMedia implements CallMedia {
    private final MediaServer media;
    private final Path music;
    private final WaitAnnouncements announcements;

    /** Music only, no wait announcements. */
    MediaCallMedia(MediaServer media, Path music) {
        this(media, music, null);
    }

    /** {@code announcements} tells waiting callers their estimated wait over the music; null: music only. */
    MediaCallMedia(MediaServer media, Path music, WaitAnnouncements announcements) {
        this.media = media;
        this.music = music;
        this.announcements = announcements;
    }

    static String legId(Party party) {
        return "sip-" + party.mediaName();
    }

    @Override
    public String answer(InteractionId interaction, Party party, String sdpOffer) {
        return negotiated(() -> media.session(interaction).addRtpLeg(legId(party), party, sdpOffer));
    }

    @Override
    public String reoffer(InteractionId interaction, Party party, String sdpOffer) {
        return negotiated(() -> media.session(interaction).updateRtpLeg(legId(party), sdpOffer));
    }

    /** An offer the bridge cannot take is the peer's fault: the edge answers 488 for an IllegalArgumentException. */
    private static String negotiated(Supplier<String> negotiation) {
        try {
            return negotiation.get();
        } catch (MediaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String offer(InteractionId interaction, Party party) {
        try {
            return media.session(interaction).createRtpOffer(legId(party), party);
        } catch (LegExistsException e) {
            throw new LegTakenException(e.getMessage(), e);
        }
    }

    @Override
    public void applyAnswer(InteractionId interaction, Party party, String sdpAnswer) {
        media.session(interaction).applyRtpAnswer(legId(party), sdpAnswer);
    }

    private static String colleagueLeg(String colleague) {
        return "sip-colleague-" + colleague;
    }

    @Override
    public String offerColleague(InteractionId interaction, String colleague) {
        MediaSession session = media.find(interaction)
                .orElseThrow(() -> new IllegalStateException("call " + interaction + " has no media to join"));
        String leg = colleagueLeg(colleague);
        String offer = session.createRtpOffer(leg, Party.ADVISOR);
        session.legs().stream().filter(l -> l.party() == Party.ADVISOR && !l.legId().equals(leg))
                .forEach(advisor -> session.connect(advisor.legId(), leg));
        return offer;
    }

    @Override
    public void applyColleagueAnswer(InteractionId interaction, String colleague, String sdpAnswer) {
        media.session(interaction).applyRtpAnswer(colleagueLeg(colleague), sdpAnswer);
    }

    @Override
    public void removeColleague(InteractionId interaction, String colleague) {
        media.find(interaction).filter(s -> s.legs().stream().anyMatch(l -> l.legId().equals(colleagueLeg(colleague))))
                .ifPresent(s -> s.removeLeg(colleagueLeg(colleague)));
    }

    private static String monitorLeg(String supervisor) {
        return "sip-" + Party.SUPERVISOR.mediaName() + "-" + supervisor;
    }

    @Override
    public String answerMonitor(InteractionId interaction, String supervisor, String sdpOffer, String mode) {
        MediaSession session = media.find(interaction)
                .orElseThrow(() -> new IllegalArgumentException("call " + interaction + " has no media to monitor"));
        String leg = monitorLeg(supervisor);
        if (session.legs().stream().anyMatch(l -> l.legId().equals(leg))) {
            session.removeLeg(leg); // the same supervisor dialled again: the new phone leg replaces the old
        }
        String answer = negotiated(() -> session.addRtpLeg(leg, Party.SUPERVISOR, sdpOffer));
        try {
            session.monitor(leg, MonitorMode.valueOf(mode));
        } catch (RuntimeException e) {
            session.removeLeg(leg);
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return answer;
    }

    @Override
    public void removeMonitor(InteractionId interaction, String supervisor) {
        media.find(interaction).filter(s -> s.legs().stream().anyMatch(l -> l.legId().equals(monitorLeg(supervisor))))
                .ifPresent(s -> s.removeLeg(monitorLeg(supervisor)));
    }

    @Override
    public void playQueueAnnouncement(InteractionId interaction) {
        media.session(interaction).playAudio(legId(Party.CUSTOMER), music, true);
        if (announcements != null) {
            announcements.waiting(interaction, (caller, clip) -> media.find(caller)
                    .ifPresent(s -> s.playAudio(legId(Party.CUSTOMER), clip, true)));
        }
    }

    @Override
    public void stopQueueAnnouncement(InteractionId interaction) {
        if (announcements != null) {
            announcements.done(interaction);
        }
        media.find(interaction).ifPresent(s -> s.stopAudio(legId(Party.CUSTOMER)));
    }

    @Override
    public void hold(InteractionId interaction, Party party, boolean onHold) {
        MediaSession session = media.find(interaction).orElseThrow(
                () -> new IllegalStateException("no media session for " + interaction));
        String leg = legId(party);
        if (onHold) {
            session.hold(leg, true);
            session.playAudio(leg, music, true);
        } else {
            session.stopAudio(leg);
            session.hold(leg, false);
        }
    }

    @Override
    public void removeLeg(InteractionId interaction, Party party) {
        media.find(interaction).ifPresent(s -> s.removeLeg(legId(party)));
    }

    @Override
    public void playPrompt(InteractionId interaction, Path prompt) {
        media.session(interaction).playAudio(legId(Party.CUSTOMER), prompt, false);
    }

    /** Only the prompt stops: the caller is not queued yet, so no wait announcement is scheduled for it. */
    @Override
    public void stopPrompt(InteractionId interaction) {
        media.find(interaction).ifPresent(s -> s.stopAudio(legId(Party.CUSTOMER)));
    }

    /**
     * The IVR listens through the recording tap of the call's session, before any recording starts (the IVR closes
     * it before the caller is queued, and the recording starts only when an advisor accepts).
     */
    @Override
    public AutoCloseable listen(InteractionId interaction, CallerAudio audio) {
        String caller = legId(Party.CUSTOMER);
        media.session(interaction).startRecording(new MediaPacketSink() {
            @Override
            public void legAdded(LegDescription leg) {
            }

            @Override
            public void packet(String legId, MediaKind kind, long arrivalEpochMicros, byte[] buffer, int offset,
                               int length) {
                if (legId.equals(caller) && kind == MediaKind.AUDIO) {
                    audio.packet(buffer, offset, length);
                }
            }

            @Override
            public void closed() {
            }
        });
        return () -> media.find(interaction).ifPresent(MediaSession::stopRecording);
    }

    @Override
    public void release(InteractionId interaction) {
        media.find(interaction).ifPresent(s -> s.release());
    }
}
