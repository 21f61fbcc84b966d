package org.mvtm.media.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mvtm.media.rtp.OutboundStream;

/**
 * The video streams the bridge sends one leg, one per camera its page can show: the first is the leg's main video
 * m-section, the others its extra receive-only video m-sections (a three-way call: the second remote camera, see
 * {@link org.mvtm.media.sdp.BundleNegotiation}). A source leg takes the first free stream with its first packet and
 * keeps it while the topology connects it ({@link #keepOnly}, from {@link RelayTopology}); a freed stream goes to the
 * next source and continues its numbering, so after a transfer the new advisor's camera arrives on the stream the
 * old one used. A source that finds every stream taken by others is not sent to this leg (a SIP leg or an older page
 * has one stream: it keeps the first camera instead of two cameras interleaved on one SSRC). {@link #streamOf} and
 * {@link #take} run under the leg's send lock, {@link #keepOnly} under the session lock: hence a monitor of its own.
 */
final class VideoSlots {
    /** At most this many extra cameras per page (its extra receive-only video m-sections beyond are rejected). */
    static final int MAX_EXTRA = 3;
    private final OutboundStream[] streams;
    private final Object[] owners;

    VideoSlots(OutboundStream main, List<Long> extraSsrcs) {
        streams = new OutboundStream[1 + extraSsrcs.size()];
        owners = new Object[streams.length];
        streams[0] = main;
        for (int i = 0; i < extraSsrcs.size(); i++) {
            streams[i + 1] = new OutboundStream(extraSsrcs.get(i));
        }
    }

    /** Fresh SSRCs for the extra video m-sections a browser may offer ({@link #MAX_EXTRA}). */
    static List<Long> extraSsrcs() {
        List<Long> ssrcs = new ArrayList<>(MAX_EXTRA);
        for (int i = 0; i < MAX_EXTRA; i++) {
            ssrcs.add(OutboundStream.randomSsrc());
        }
        return ssrcs;
    }

    /** The stream {@code source}'s video goes out on, or null when it has none yet (no allocation: per packet). */
    synchronized OutboundStream streamOf(Object source) {
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == source) {
                return streams[i];
            }
        }
        return null;
    }

    /** Gives {@code source} the first free stream; null when every stream shows another source. */
    synchronized OutboundStream take(Object source) {
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == null) {
                owners[i] = source;
                return streams[i];
            }
        }
        return null;
    }

    /**
     * Frees the streams of sources no longer relayed to this leg (they left the call or were replaced). The first
     * stream is the page's main video: when its source left, a camera shown in a tile moves there, so the two who
     * remain of a three-way call are a normal 1:1 call again (the page's receiver asks for a keyframe).
     */
    synchronized void keepOnly(Collection<?> sources) {
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] != null && !sources.contains(owners[i])) {
                owners[i] = null;
            }
        }
        for (int i = 1; i < owners.length && owners[0] == null; i++) {
            owners[0] = owners[i];
            owners[i] = null;
        }
    }

    /** The stream with this SSRC (RTCP feedback from the page names it), or null. */
    synchronized OutboundStream bySsrc(long ssrc) {
        for (OutboundStream s : streams) {
            if (s.ssrc() == ssrc) {
                return s;
            }
        }
        return null;
    }

    synchronized void resumeAfterPause() {
        for (OutboundStream s : streams) {
            s.resumeAfterPause();
        }
    }

    /** How many cameras the leg's page can show (1 + its extra receive-only video m-sections). */
    int size() {
        return streams.length;
    }
}
