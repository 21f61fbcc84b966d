package org.mvtm.media.sdp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.media.MediaKind;

/**
 * Picks the codec of an m-section for the answer: first a codec the other party already uses (so media is relayed
 * without transcoding), otherwise the first offered codec the bridge can relay.
 */
public final class CodecChooser {
    /** Codecs the relay can carry (it transcodes only between G.711 and Opus, when a listener needs it). */
    public static final Set<String> RELAYABLE = Set.of("OPUS", "PCMU", "PCMA", "G722", "VP8", "VP9", "H264");

    private CodecChooser() {
    }

    public static Optional<Codec> choose(MediaDescription m, List<String> preferredKeys) {
        for (String want : preferredKeys) {
            for (Codec c : m.codecs()) {
                if (c.key().equals(want) && acceptable(c)) {
                    return Optional.of(c);
                }
            }
        }
        return m.codecs().stream().filter(c -> RELAYABLE.contains(c.key()) && acceptable(c)).findFirst();
    }

    /** H.264 must be packetization-mode=1 (what browsers and Kurento agree on); others are fine. */
    private static boolean acceptable(Codec c) {
        if (!c.key().equals("H264")) {
            return RELAYABLE.contains(c.key());
        }
        return c.fmtp().contains("packetization-mode=1");
    }

    /** telephone-event with the same clock rate as the chosen audio codec, if offered. */
    public static Optional<Codec> telephoneEvent(MediaDescription m, Codec chosen) {
        if (chosen.kind() != MediaKind.AUDIO) {
            return Optional.empty();
        }
        return m.codecs().stream().filter(c -> c.isTelephoneEvent() && c.clockRate() == chosen.clockRate())
                .findFirst();
    }
}
