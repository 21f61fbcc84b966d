package org.mvtm.media.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.mvtm.core.media.Resampler;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;

/**
 * The audio path into one leg (the listener) when what it hears must be decoded: the source speaks another codec
 * (Opus 48 kHz from a browser, G.711 8 kHz from a desk phone) or the listener hears several sources (a mix). One job
 * per step, in the order a packet takes:
 * <pre>
 *   source packet, decoded once for all its listeners  (Leg.decodeAudio: G.711 at 8 kHz, Opus at 48 kHz)
 *     -> resample to the listener's rate                (Resampler, one per source: 8 kHz <-> 48 kHz)
 *     -> mix with the other sources' waiting frames     (AudioMix, only when the listener hears several)
 *     -> encode in the listener's codec                 (AudioEncoding: G.711 table, the listener's Opus encoder)
 *     -> timestamp in the listener's clock              (RtpClockScaling, one per source: +960 <-> +160 a frame)
 *   then Leg.sendRtpFrom maps the payload type and rewrites SSRC/sequence/timestamp into the listener's stream
 * </pre>
 * A packet already in the listener's codec that nothing is mixed into goes on as it came: Opus to Opus and G.711 to
 * the same G.711 are never transcoded. Sources send on their own receive threads; the listener's state (the
 * per-source resamplers and clocks, its encoder) is used under this object's lock, which never blocks on I/O.
 */
final class ListenerAudio {
    private final Supplier<OpusCodec.Encoder> opusEncoder;
    private final Map<Object, FromSource> sources = new HashMap<>();

    /** {@code opusEncoder}: the listener's own Opus encoder (made when first needed, null without libopus). */
    ListenerAudio(Supplier<OpusCodec.Encoder> opusEncoder) {
        this.opusEncoder = opusEncoder;
    }

    /** What one source's packets need to reach this listener at its rate. */
    private static final class FromSource {
        final Resampler resampler;
        final RtpClockScaling clock;

        FromSource(int from, int to) {
            this.resampler = from == to ? null : new Resampler(from, to);
            this.clock = new RtpClockScaling(from, to);
        }
    }

    /**
     * One audio packet from {@code source} in {@code sourceCodec} (its audio {@code pcm}, decoded at that codec's
     * rate; null when it could not be decoded) on its way to this listener, whose codec is {@code target}; the packet
     * is at {@code off} in {@code buf}, {@code len} bytes, and is rewritten in place. Returns the length of the packet
     * to send in {@code target}, or -1 when nothing is sent (kept for the mix, or not decodable into another codec).
     */
    synchronized int toListener(Object source, short[] pcm, Codec sourceCodec, Codec target, AudioMix mix, byte[] buf,
                                int off, int len, long nowMicros) {
        boolean sameCodec = sourceCodec.key().equals(target.key());
        if (sameCodec && mix == null) {
            return len;
        }
        FromSource from = sources.get(source);
        if (from == null || !from.clock.converts(sourceCodec.clockRate(), target.clockRate())) {
            from = new FromSource(sourceCodec.clockRate(), target.clockRate());
            sources.put(source, from);
        }
        short[] frame = pcm == null || from.resampler == null ? pcm : from.resampler.process(pcm, pcm.length);
        if (mix != null) {
            short[] mixed = mix.step(source, frame, nowMicros);
            if (mixed == AudioMix.KEPT) {
                return -1;
            }
            if (mixed == frame && sameCodec) {
                return len; // nothing was waiting: the packet goes as it came
            }
            frame = mixed;
        }
        if (frame == null) {
            return sameCodec ? len : -1;
        }
        int n = AudioEncoding.encode(frame, target, AudioFrames.isOpus(target) ? opusEncoder.get() : null, buf, off);
        if (n < 0) {
            return sameCodec ? len : -1; // not encodable (an odd frame size): the packet goes unmixed, or not at all
        }
        if (sourceCodec.clockRate() != target.clockRate()) {
            RtpHeader.setTimestamp(buf, off, from.clock.scale(RtpHeader.timestamp(buf, off)));
        }
        return n;
    }
}
