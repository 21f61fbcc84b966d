package org.mvtm.media.embedded;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;

/**
 * The audio codecs the relay can decode, mix and transcode between (G.711 PCMU/PCMA and, with libopus, Opus) and
 * G.711's decoding to linear PCM.
 */
final class AudioFrames {
    private AudioFrames() {
    }

    static boolean isG711(Codec codec) {
        return codec != null && (codec.key().equals("PCMU") || codec.key().equals("PCMA"));
    }

    static boolean isOpus(Codec codec) {
        return codec != null && codec.key().equals("OPUS");
    }

    /**
     * Whether audio in {@code from} can reach a listener on {@code to} by transcoding: both G.711 or Opus, and libopus
     * loaded when either is Opus.
     */
    static boolean canTranscode(Codec from, Codec to, OpusCodec opus) {
        return (isG711(from) || isOpus(from)) && (isG711(to) || isOpus(to))
                && (opus.available() || !isOpus(from) && !isOpus(to));
    }

    /**
     * Why the audio of these legs cannot be mixed, or empty when it can: every leg speaks G.711 or Opus (mixed
     * codecs are transcoded), and libopus is loaded when any speaks Opus.
     */
    static Optional<String> cannotMix(Collection<Leg> legs, OpusCodec opus) {
        List<Codec> audio = legs.stream().map(l -> l.mainCodec(MediaKind.AUDIO)).filter(c -> c != null).toList();
        List<String> names = audio.stream().map(Codec::name).distinct().toList();
        if (!audio.stream().allMatch(c -> isG711(c) || isOpus(c))) {
            return Optional.of("its audio is " + names + ": the relay mixes G.711 (PCMU/PCMA) and Opus");
        }
        if (audio.stream().anyMatch(AudioFrames::isOpus) && !opus.available()) {
            return Optional.of("its audio is " + names + " and mixing Opus needs libopus, which this server could not"
                    + " load (" + opus.problem() + "); or set contact.media.browser-audio=PCMU");
        }
        return Optional.empty();
    }

    /** G.711 bytes {@code [start, end)} as linear PCM. */
    static short[] g711ToLinear(byte[] buf, int start, int end, boolean alaw) {
        short[] pcm = new short[end - start];
        for (int k = 0; k < pcm.length; k++) {
            pcm[k] = alaw ? G711.alawToLinear(buf[start + k]) : G711.ulawToLinear(buf[start + k]);
        }
        return pcm;
    }
}
