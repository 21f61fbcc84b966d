package org.mvtm.media.srtp;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.mvtm.core.media.BigEndian;
import org.mvtm.core.media.RtpHeader;

/**
 * One direction of SRTP/SRTCP with AES_CM_128_HMAC_SHA1_80 (RFC 3711): protect (encrypt + tag) for sending or
 * unprotect (verify + replay check + decrypt) for receiving, in place on the datagram buffer. Keeps the rollover
 * counter and the 64-packet replay window per SSRC (Appendix A index estimation). The buffer must have 14 spare
 * bytes after the packet for the tag and SRTCP index. Not thread-safe: callers serialise per context.
 */
public final class SrtpContext {
    public static final int TAG_LENGTH = 10;
    /** Bytes a protected packet grows by at most (SRTCP: E||index + tag). */
    public static final int MAX_OVERHEAD = 14;

    private final AesCounterMode rtpCipher;
    private final AesCounterMode rtcpCipher;
    private final Mac rtpMac;
    private final Mac rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[20];
    private final byte[] roc = new byte[4];
    private final Map<Integer, SsrcState> rtpStates = new HashMap<>();
    private final Map<Integer, SsrcState> rtcpStates = new HashMap<>();

    public SrtpContext(SrtpKeys keys) {
        rtpCipher = new AesCounterMode(keys.rtpKey);
        rtcpCipher = new AesCounterMode(keys.rtcpKey);
        rtpSalt = keys.rtpSalt;
        rtcpSalt = keys.rtcpSalt;
        try {
            rtpMac = Mac.getInstance("HmacSHA1");
            rtpMac.init(new SecretKeySpec(keys.rtpAuthKey, "HmacSHA1"));
            rtcpMac = Mac.getInstance("HmacSHA1");
            rtcpMac.init(new SecretKeySpec(keys.rtcpAuthKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** Encrypts and tags an RTP packet in place; returns the new length. */
    public int protectRtp(byte[] buf, int off, int len) {
        int ssrc = BigEndian.int32(buf, off + 8);
        int seq = RtpHeader.sequence(buf, off);
        int header = RtpHeader.length(buf, off, len); // before any state changes, as in unprotectRtp
        SsrcState s = rtpStates.computeIfAbsent(ssrc, k -> new SsrcState());
        long index = s.estimate(seq);
        s.update(index);
        rtpIv(ssrc, index);
        rtpCipher.apply(iv, buf, off + header, len - header);
        writeTag(rtpMac, buf, off, len, (int) (index >>> 16), true);
        return len + TAG_LENGTH;
    }

    /**
     * Verifies, replay-checks and decrypts an SRTP packet in place. Returns the plain length, or -1 if the tag is
     * wrong or the packet is a replay (nothing in the context changes then).
     *
     * @throws IllegalArgumentException when the authentic packet's header runs past it (nothing changes then either:
     *     the sender's packet with that sequence number is not taken for a replay)
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (len < 12 + TAG_LENGTH) {
            return -1;
        }
        int ssrc = BigEndian.int32(buf, off + 8);
        int seq = RtpHeader.sequence(buf, off);
        SsrcState s = rtpStates.get(ssrc);
        boolean fresh = s == null;
        if (fresh) {
            s = new SsrcState();
        }
        long index = s.estimate(seq);
        if (!fresh && s.isReplay(index)) {
            return -1;
        }
        int plain = len - TAG_LENGTH;
        if (!tagMatches(rtpMac, buf, off, plain, (int) (index >>> 16), true)) {
            return -1;
        }
        int header = RtpHeader.length(buf, off, plain);
        if (fresh) {
            rtpStates.put(ssrc, s);
        }
        s.update(index);
        rtpIv(ssrc, index);
        rtpCipher.apply(iv, buf, off + header, plain - header);
        return plain;
    }

    /** Encrypts and tags an RTCP compound packet in place (E=1, next SRTCP index); returns the new length. */
    public int protectRtcp(byte[] buf, int off, int len) {
        int ssrc = BigEndian.int32(buf, off + 4);
        SsrcState s = rtcpStates.computeIfAbsent(ssrc, k -> new SsrcState());
        int index = (int) (s.nextSrtcpIndex++ & 0x7FFFFFFF);
        rtcpIv(ssrc, index);
        rtcpCipher.apply(iv, buf, off + 8, len - 8);
        BigEndian.putInt32(buf, off + len, index | 0x80000000);
        writeTag(rtcpMac, buf, off, len + 4, 0, false);
        return len + 4 + TAG_LENGTH;
    }

    /** Verifies and decrypts an SRTCP packet in place; returns the plain RTCP length or -1. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (len < 8 + 4 + TAG_LENGTH) {
            return -1;
        }
        int authLen = len - TAG_LENGTH;
        if (!tagMatches(rtcpMac, buf, off, authLen, 0, false)) {
            return -1;
        }
        int eIndex = BigEndian.int32(buf, off + authLen - 4);
        int index = eIndex & 0x7FFFFFFF;
        int ssrc = BigEndian.int32(buf, off + 4);
        SsrcState s = rtcpStates.computeIfAbsent(ssrc, k -> new SsrcState());
        if (s.srtcpSeen(index)) {
            return -1;
        }
        int plain = authLen - 4;
        if (eIndex < 0) {
            rtcpIv(ssrc, index);
            rtcpCipher.apply(iv, buf, off + 8, plain - 8);
        }
        return plain;
    }

    private void rtpIv(int ssrc, long index) {
        System.arraycopy(rtpSalt, 0, iv, 0, 14);
        xorSsrcIndex(ssrc, index);
    }

    private void rtcpIv(int ssrc, long index) {
        System.arraycopy(rtcpSalt, 0, iv, 0, 14);
        xorSsrcIndex(ssrc, index);
    }

    private void xorSsrcIndex(int ssrc, long index) {
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[13 - i] ^= (byte) (index >>> (8 * i));
        }
        iv[14] = 0;
        iv[15] = 0;
    }

    private void computeTag(Mac mac, byte[] buf, int off, int len, int rollover, boolean rtp) {
        mac.update(buf, off, len);
        if (rtp) {
            roc[0] = (byte) (rollover >>> 24);
            roc[1] = (byte) (rollover >>> 16);
            roc[2] = (byte) (rollover >>> 8);
            roc[3] = (byte) rollover;
            mac.update(roc, 0, 4);
        }
        try {
            mac.doFinal(tag, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeTag(Mac mac, byte[] buf, int off, int len, int rollover, boolean rtp) {
        computeTag(mac, buf, off, len, rollover, rtp);
        System.arraycopy(tag, 0, buf, off + len, TAG_LENGTH);
    }

    private boolean tagMatches(Mac mac, byte[] buf, int off, int len, int rollover, boolean rtp) {
        computeTag(mac, buf, off, len, rollover, rtp);
        int diff = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            diff |= tag[i] ^ buf[off + len + i];
        }
        return diff == 0;
    }

    /** Rollover counter, highest index and replay window of one SSRC. */
    static final class SsrcState {
        private static final int WINDOW = 64;
        boolean started;
        long highest;
        long window;
        long nextSrtcpIndex;
        long srtcpHighest = -1;
        long srtcpWindow;

        /** RFC 3711 Appendix A: the 48-bit index of {@code seq} relative to the highest index seen. */
        long estimate(int seq) {
            if (!started) {
                return seq;
            }
            long roc = highest >>> 16;
            int sl = (int) (highest & 0xFFFF);
            long v;
            if (sl < 32768) {
                v = (seq - sl > 32768) ? roc - 1 : roc;
            } else {
                v = (sl - 32768 > seq) ? roc + 1 : roc;
            }
            if (v < 0) {
                v = 0;
            }
            return (v << 16) | seq;
        }

        boolean isReplay(long index) {
            long delta = index - highest;
            if (delta > 0) {
                return false;
            }
            if (-delta >= WINDOW) {
                return true;
            }
            return (window & (1L << -delta)) != 0;
        }

        void update(long index) {
            if (!started) {
                started = true;
                highest = index;
                window = 1;
                return;
            }
            long delta = index - highest;
            if (delta > 0) {
                window = delta >= WINDOW ? 1 : (window << delta) | 1;
                highest = index;
            } else if (-delta < WINDOW) {
                window |= 1L << -delta;
            }
        }

        boolean srtcpSeen(long index) {
            if (srtcpHighest < 0 || index > srtcpHighest) {
                long delta = srtcpHighest < 0 ? WINDOW : index - srtcpHighest;
                srtcpWindow = delta >= WINDOW ? 1 : (srtcpWindow << delta) | 1;
                srtcpHighest = index;
                return false;
            }
            long back = srtcpHighest - index;
            if (back >= WINDOW || (srtcpWindow & (1L << back)) != 0) {
                return true;
            }
            srtcpWindow |= 1L << back;
            return false;
        }
    }
}
