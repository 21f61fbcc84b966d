package org.mvtm.recording.export;

import java.io.ByteArrayOutputStream;

/**
 * Reassembles VP8 frames from RTP payloads (RFC 7741 section 4). A frame starts with a packet whose descriptor has
 * S=1 and PID=0, collects packets with the same RTP timestamp and consecutive sequence numbers, and ends with the
 * marker bit. After a loss, frames are skipped until the next key frame, so the export never feeds the decoder a
 * frame whose reference is missing.
 */
public final class Vp8Depacketizer {
    /** A complete VP8 frame. */
    public record Frame(long rtpTimestamp, boolean keyFrame, byte[] data, int width, int height) {
    }

    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean inFrame;
    private long frameTs;
    private int lastSeq = -1;
    private boolean needKeyFrame = true;

    /** Feeds one packet (in sequence order, {@code extTimestamp} unwrapped); returns a frame when one completes. */
    public Frame add(RtpPacket p, long extTimestamp) {
        byte[] b = p.buffer();
        int off = p.payloadOffset();
        int len = p.payloadLength();
        if (len < 1) {
            // padding-only packet (bandwidth probing): takes a sequence number, carries no media
            boolean contiguousPadding = lastSeq < 0 || ((lastSeq + 1) & 0xffff) == p.sequence();
            lastSeq = p.sequence();
            if (!contiguousPadding && inFrame) {
                inFrame = false;
                needKeyFrame = true;
            }
            return null;
        }
        int d0 = b[off] & 0xff;
        int idx = 1;
        if ((d0 & 0x80) != 0) {
            if (len < 2) {
                return null;
            }
            int x = b[off + 1] & 0xff;
            idx = 2;
            if ((x & 0x80) != 0) {
                idx += (len > idx && (b[off + idx] & 0x80) != 0) ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                idx++;
            }
            if ((x & 0x30) != 0) {
                idx++;
            }
        }
        if (idx > len) {
            return null;
        }
        boolean start = (d0 & 0x10) != 0 && (d0 & 0x07) == 0;
        boolean first = lastSeq < 0;
        boolean contiguous = !first && ((lastSeq + 1) & 0xffff) == p.sequence();
        lastSeq = p.sequence();
        if (start) {
            if (inFrame || (!first && !contiguous)) {
                needKeyFrame = true; // previous frame never got its marker, or whole packets/frames were lost
            }
            current.reset();
            inFrame = true;
            frameTs = extTimestamp;
        } else if (!inFrame || !contiguous || extTimestamp != frameTs) {
            inFrame = false;
            needKeyFrame = true;
            return null;
        }
        current.write(b, off + idx, len - idx);
        if (!p.marker()) {
            return null;
        }
        inFrame = false;
        byte[] frame = current.toByteArray();
        if (frame.length < 3) {
            needKeyFrame = true;
            return null;
        }
        boolean key = (frame[0] & 0x01) == 0;
        if (!key && needKeyFrame) {
            return null;
        }
        int w = 0;
        int h = 0;
        if (key) {
            needKeyFrame = false;
            if (frame.length >= 10 && (frame[3] & 0xff) == 0x9d && (frame[4] & 0xff) == 0x01
                    && (frame[5] & 0xff) == 0x2a) {
                w = ((frame[6] & 0xff) | ((frame[7] & 0xff) << 8)) & 0x3fff;
                h = ((frame[8] & 0xff) | ((frame[9] & 0xff) << 8)) & 0x3fff;
            }
        }
        return new Frame(frameTs, key, frame, w, h);
    }
}
