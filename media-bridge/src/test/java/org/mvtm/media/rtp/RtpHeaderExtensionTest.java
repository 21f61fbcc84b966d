package org.mvtm.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mvtm.core.media.BigEndian;
import org.mvtm.core.media.RtpHeader;

/** RFC 8285 header extensions as browsers send them (MID, RID, audio level) are found and removed in place. */
class RtpHeaderExtensionTest {

    @Test
    void theMidOfAOneByteExtensionBlockIsFoundAmongOtherElementsAndPadding() {
        // audio level (id 1, 1 byte), padding, MID (id 4, "1"), transport-cc (id 3, 2 bytes), as Chromium orders them
        byte[] p = packet(0xBEDE, new int[] {0x10, 0x85, 0x00, 0x40, '1', 0x31, 0x00, 0x07});
        long mid = Rtp.findExtension(p, 0, p.length, 4);

        assertThat(mid).isNotNegative();
        assertThat(new String(p, (int) (mid >>> 16), (int) (mid & 0xFFFF), StandardCharsets.US_ASCII)).isEqualTo("1");
        assertThat(Rtp.findExtension(p, 0, p.length, 9)).isNegative();
    }

    @Test
    void theRidOfATwoByteExtensionBlockIsFound() {
        // two-byte form (0x1000): RID (id 10, "h"), then MID (id 3, "0")
        byte[] p = packet(0x1000, new int[] {10, 1, 'h', 3, 1, '0', 0, 0});

        long rid = Rtp.findExtension(p, 0, p.length, 10);
        long mid = Rtp.findExtension(p, 0, p.length, 3);

        assertThat((char) p[(int) (rid >>> 16)]).isEqualTo('h');
        assertThat((char) p[(int) (mid >>> 16)]).isEqualTo('0');
    }

    @Test
    void removingTheExtensionMovesOnlyTheHeaderAndKeepsThePayloadInTheSameArray() {
        byte[] p = packet(0xBEDE, new int[] {0x40, '1', 0x00, 0x00});
        int seq = RtpHeader.sequence(p, 0);
        long ssrc = RtpHeader.ssrc(p, 0);

        int removed = Rtp.removeExtension(p, 0, p.length);

        assertThat(removed).isEqualTo(8);
        assertThat(p[removed] & 0x10).as("X bit").isZero();
        assertThat(RtpHeader.sequence(p, removed)).isEqualTo(seq);
        assertThat(RtpHeader.ssrc(p, removed)).isEqualTo(ssrc);
        assertThat(Rtp.payloadType(p, removed)).isEqualTo(96);
        assertThat(new String(p, removed + 12, p.length - removed - 12, StandardCharsets.US_ASCII))
                .isEqualTo("payload");
    }

    @Test
    void aPacketWithoutExtensionOrWithATruncatedBlockIsLeftAlone() {
        byte[] plain = new byte[20];
        RtpHeader.write(plain, 0, false, 96, 1, 2, 3);
        assertThat(Rtp.removeExtension(plain, 0, plain.length)).isZero();

        byte[] truncated = packet(0xBEDE, new int[] {0x40, '1', 0, 0});
        truncated[14] = 0;
        truncated[15] = 9; // claims 9 words of extension in a 27-byte packet
        assertThat(Rtp.findExtension(truncated, 0, truncated.length, 4)).isNegative();
        assertThat(Rtp.removeExtension(truncated, 0, truncated.length)).isZero();
    }

    /** An RTP packet (PT 96) with one extension block of the given profile and bytes, then "payload". */
    private static byte[] packet(int profile, int[] elements) {
        byte[] payload = "payload".getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[12 + 4 + elements.length + payload.length];
        RtpHeader.write(p, 0, false, 96, 4711, 90000, 0x11223344L);
        p[0] |= 0x10;
        BigEndian.putUint16(p, 12, profile);
        BigEndian.putUint16(p, 14, elements.length / 4);
        for (int i = 0; i < elements.length; i++) {
            p[16 + i] = (byte) elements[i];
        }
        System.arraycopy(payload, 0, p, 16 + elements.length, payload.length);
        return p;
    }
}
