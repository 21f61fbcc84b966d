package org.mvtm.media.embedded;

import org.mvtm.core.media.BigEndian;
import org.mvtm.media.rtp.OutboundStream;

/** The RTCP step of the relay: receiver feedback (NACK, PLI, FIR) goes back to the leg that sent the media. */
final class FeedbackForwarding {
    private FeedbackForwarding() {
    }

    /**
     * RTCP from {@code leg}'s peer: feedback (NACK, PLI, FIR) about a stream the bridge sends to it is rewritten
     * to the original sender's SSRC and sequence numbers and forwarded to that sender's leg.
     */
    static void received(Leg leg, byte[] buf, int off, int len) {
        int p = off;
        int end = off + len;
        while (p + 12 <= end) {
            int pt = buf[p + 1] & 0xFF;
            int plen = (BigEndian.uint16(buf, p + 2) + 1) * 4;
            if (plen < 4 || p + plen > end) {
                return;
            }
            if ((pt == 205 || pt == 206) && plen >= 12) {
                forwardFeedback(leg, buf, p, plen, pt, buf[p] & 0x1F);
            }
            p += plen;
        }
    }

    private static void forwardFeedback(Leg receiver, byte[] buf, int p, int plen, int pt, int fmt) {
        boolean fir = pt == 206 && fmt == 4;
        boolean pli = pt == 206 && fmt == 1;
        boolean nack = pt == 205 && fmt == 1;
        if (!fir && !pli && !nack) {
            return;
        }
        long mediaSsrc = BigEndian.uint32(buf, p + (fir ? 12 : 8));
        OutboundStream stream = receiver.outboundBySsrc(mediaSsrc);
        if (stream == null || !(stream.source() instanceof Leg sender)) {
            return;
        }
        byte[] out = new byte[plen + 32];
        System.arraycopy(buf, p, out, 0, plen);
        BigEndian.putInt32(out, 4, sender.videoOut.ssrc());
        if (fir) {
            BigEndian.putInt32(out, 12, stream.sourceSsrc());
        } else {
            BigEndian.putInt32(out, 8, stream.sourceSsrc());
        }
        if (nack) {
            for (int q = 12; q + 4 <= plen; q += 4) {
                BigEndian.putUint16(out, q, stream.toSourceSequence(BigEndian.uint16(out, q)));
            }
        }
        sender.sendRtcp(out, 0, plen);
    }

}
