package org.mvtm.media.embedded;

import org.mvtm.core.media.G711;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;

/**
 * Writes linear PCM as an RTP packet's payload in the listener's codec, in place after the packet's header: G.711 by
 * table (a byte a sample), Opus by the listener's own encoder (its state follows the listener's stream). The payload
 * size may change; the padding bit is cleared (any padding went with the old payload).
 */
final class AudioEncoding {
    /** Room left after the payload in a relay buffer, for the SRTP authentication tag. */
    private static final int TRAILER = 64;

    private AudioEncoding() {
    }

    /**
     * Encodes {@code pcm} (at {@code codec}'s rate) into the packet at {@code off} of {@code buf}
     * ({@link Leg#BUFFER} long or longer) and returns the packet's new length, or -1 when it cannot be encoded (Opus
     * without an encoder, or a frame length that is not an Opus frame size).
     */
    static int encode(short[] pcm, Codec codec, OpusCodec.Encoder opus, byte[] buf, int off) {
        int start = off + 12 + 4 * (buf[off] & 0x0F);
        int room = Math.min(buf.length, Leg.BUFFER) - TRAILER - start;
        int n;
        if (AudioFrames.isG711(codec)) {
            if (pcm.length > room) {
                return -1;
            }
            boolean alaw = codec.key().equals("PCMA");
            for (int k = 0; k < pcm.length; k++) {
                buf[start + k] = alaw ? G711.linearToAlaw(pcm[k]) : G711.linearToUlaw(pcm[k]);
            }
            n = pcm.length;
        } else {
            n = opus == null ? -1 : opus.encode(pcm, pcm.length, buf, start, room);
            if (n <= 0) {
                return -1;
            }
        }
        buf[off] &= (byte) ~0x20;
        return start + n - off;
    }
}
