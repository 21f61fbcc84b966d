package org.mvtm.media.embedded;

import org.mvtm.core.media.MediaKind;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.sdp.Codec;

/**
 * The gate and fan-out steps of the relay path (after the recording tap): a packet from a held, muted (audio) or
 * not-sending leg goes nowhere; otherwise every target that takes it gets it, the last one in the receive buffer
 * itself and the others in the source's fan-out buffer. Audio a target hears mixed or in another codec goes through
 * the target's {@link ListenerAudio} (decoded once per packet, for the first such target); then
 * {@link Leg#sendRtpFrom} rewrites, protects and sends. Runs on the source leg's receive thread; never locks.
 */
final class FanOut {
    private final OpusCodec opus;

    FanOut(OpusCodec opus) {
        this.opus = opus;
    }

    void relay(Leg from, byte[] buf, int off, int len, Codec codec, long nowMicros) {
        if (from.onHold || !from.peerSends || (from.muted && codec.kind() == MediaKind.AUDIO)) {
            return;
        }
        Leg[] targets = from.targets;
        int last = -1;
        for (int i = 0; i < targets.length; i++) {
            if (accepts(targets[i], codec)) {
                last = i;
            }
        }
        short[] pcm = null; // this packet's audio, decoded for the first listener that mixes or transcodes it
        boolean decoded = false;
        for (int i = 0; i <= last; i++) {
            Leg to = targets[i];
            if (!accepts(to, codec)) {
                continue;
            }
            byte[] out = buf;
            int at = off;
            if (i != last) {
                System.arraycopy(buf, off, from.fanOutBuffer, 0, len);
                out = from.fanOutBuffer;
                at = 0;
            }
            int n = len;
            Codec sent = codec;
            AudioMix mix = to.mix;
            if (codec.kind() == MediaKind.AUDIO && !codec.isTelephoneEvent()
                    && (mix != null || to.codecFor(MediaKind.AUDIO, codec.key()) == null)) {
                if (!decoded) {
                    pcm = from.decodeAudio(buf, off, len, codec); // buf is intact until the last
                    decoded = true;
                }
                sent = to.mainAudio;
                n = to.audioIn.toListener(from, pcm, codec, sent, mix, out, at, len, nowMicros);
                if (n < 0) {
                    continue; // kept: rides on the mix's clock packet (or not decodable for this listener)
                }
            }
            to.sendRtpFrom(from, out, at, n, sent);
        }
    }

    /** Whether {@code to} takes this packet now: in its own codec (same clock), or audio transcoded into its codec. */
    private boolean accepts(Leg to, Codec codec) {
        if (to.onHold || !to.peerReceives || to.closed || !to.ready()
                || codec.kind() == MediaKind.AUDIO && to.player != null) {
            return false;
        }
        Codec mine = to.codecFor(codec.kind(), codec.key());
        return mine != null ? mine.clockRate() == codec.clockRate()
                : codec.kind() == MediaKind.AUDIO && AudioFrames.canTranscode(codec, to.mainAudio, opus);
    }

    /** Asks {@code sender}'s peer for a keyframe (a PLI) when it sends video and can be reached. */
    static void requestKeyframe(Leg sender) {
        long ssrc = sender.inboundVideoSsrc;
        if (ssrc != 0 && sender.ready()) {
            byte[] pli = new byte[12 + 32];
            int n = Rtp.writePli(pli, 0, sender.videoOut.ssrc(), ssrc);
            sender.sendRtcp(pli, 0, n);
        }
    }
}
