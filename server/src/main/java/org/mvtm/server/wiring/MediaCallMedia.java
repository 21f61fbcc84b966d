package org.mvtm.server.wiring;

import java.nio.file.Path;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaServer;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallParty;

/** The SIP edge's media port, served by the media bridge: one plain-RTP leg per SIP party. */
final class MediaCallMedia implements CallMedia {
    private final MediaServer media;
    private final Path announcement;

    MediaCallMedia(MediaServer media, Path announcement) {
        this.media = media;
        this.announcement = announcement;
    }

    static String legId(CallParty party) {
        return "sip-" + party.partyName();
    }

    @Override
    public String answer(InteractionId interaction, CallParty party, String sdpOffer) {
        return media.session(interaction).addRtpLeg(legId(party), party.partyName(), sdpOffer);
    }

    @Override
    public String offer(InteractionId interaction, CallParty party) {
        return media.session(interaction).createRtpOffer(legId(party), party.partyName());
    }

    @Override
    public void applyAnswer(InteractionId interaction, CallParty party, String sdpAnswer) {
        media.session(interaction).applyRtpAnswer(legId(party), sdpAnswer);
    }

    @Override
    public void playQueueAnnouncement(InteractionId interaction) {
        media.session(interaction).playAudio(legId(CallParty.CUSTOMER), announcement, true);
    }

    @Override
    public void removeLeg(InteractionId interaction, CallParty party) {
        media.find(interaction).ifPresent(s -> s.removeLeg(legId(party)));
    }

    @Override
    public void release(InteractionId interaction) {
        media.find(interaction).ifPresent(s -> s.release());
    }
}
