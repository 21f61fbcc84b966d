package org.mvtm.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B test vectors, protect/unprotect round trips, replay and rollover. */
class SrtpRfc3711VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aesCounterModeKeystreamMatchesAppendixB2() {
        AesCounterMode cm = new AesCounterMode(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] iv = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        byte[] ks = cm.keystream(iv, 48);
        assertThat(HEX.formatHex(ks).toUpperCase()).isEqualTo(
                "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB"
                        + "41E95B3BB0A2E8DD477901E4FCA894C0");
    }

    @Test
    void keyDerivationMatchesAppendixB3() {
        SrtpKeys keys = new SrtpKeys(HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));
        assertThat(HEX.formatHex(keys.rtpKey).toUpperCase()).isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(HEX.formatHex(keys.rtpSalt).toUpperCase()).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(HEX.formatHex(keys.rtpAuthKey).toUpperCase()).isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
    }

    @Test
    void protectedRtpUnprotectsToTheOriginalAndATamperedPacketIsRejected() {
        SrtpKeys keys = keys();
        SrtpContext sender = new SrtpContext(keys);
        SrtpContext receiver = new SrtpContext(keys);
        byte[] plain = rtp(1, 0x11223344L, 200);
        byte[] buf = Arrays.copyOf(plain, plain.length + SrtpContext.MAX_OVERHEAD);
        int n = sender.protectRtp(buf, 0, plain.length);
        assertThat(n).isEqualTo(plain.length + 10);
        assertThat(Arrays.copyOfRange(buf, 12, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
        byte[] tampered = buf.clone();
        tampered[20] ^= 1;
        assertThat(receiver.unprotectRtp(tampered, 0, n)).isEqualTo(-1);
        assertThat(receiver.unprotectRtp(buf, 0, n)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(buf, plain.length)).isEqualTo(plain);
    }

    @Test
    void replayedPacketIsRejected() {
        SrtpKeys keys = keys();
        SrtpContext sender = new SrtpContext(keys);
        SrtpContext receiver = new SrtpContext(keys);
        byte[] buf = Arrays.copyOf(rtp(7, 1, 50), 50 + 14);
        int n = sender.protectRtp(buf, 0, 50);
        byte[] copy = buf.clone();
        assertThat(receiver.unprotectRtp(buf, 0, n)).isEqualTo(50);
        assertThat(receiver.unprotectRtp(copy, 0, n)).isEqualTo(-1);
    }

    /**
     * A packet with the right tag whose header extension runs past its end (a broken sender, or one who holds the
     * keys) is refused, and the receiver's replay window does not take its index: the sender's real packet with that
     * sequence number is still played, not dropped as a replay.
     */
    @Test
    void anAuthenticPacketWithABrokenHeaderIsRefusedAndLeavesTheReplayWindowAsItWas() throws Exception {
        SrtpKeys keys = keys();
        SrtpContext receiver = new SrtpContext(keys);
        byte[] broken = rtp(9, 5, 20);
        broken[0] = (byte) 0x90; // extension bit, and the extension's length word says 255 words
        broken[14] = 0;
        broken[15] = (byte) 255;
        byte[] signed = Arrays.copyOf(broken, broken.length + SrtpContext.TAG_LENGTH);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(keys.rtpAuthKey, "HmacSHA1"));
        mac.update(broken);
        byte[] tag = mac.doFinal(new byte[4]); // rollover counter 0
        System.arraycopy(tag, 0, signed, broken.length, SrtpContext.TAG_LENGTH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> receiver.unprotectRtp(signed, 0, signed.length))
                .hasMessageContaining("longer than the packet (20)");

        byte[] real = Arrays.copyOf(rtp(9, 5, 60), 60 + 14);
        int n = new SrtpContext(keys).protectRtp(real, 0, 60);
        assertThat(receiver.unprotectRtp(real, 0, n)).as("the real packet 9").isEqualTo(60);
    }

    @Test
    void sequenceWrapIncrementsTheRolloverCounterOnBothSides() {
        SrtpKeys keys = keys();
        SrtpContext sender = new SrtpContext(keys);
        SrtpContext receiver = new SrtpContext(keys);
        for (int seq : new int[] {65534, 65535, 0, 1, 2}) {
            byte[] plain = rtp(seq, 99, 60);
            byte[] buf = Arrays.copyOf(plain, 60 + 14);
            int n = sender.protectRtp(buf, 0, 60);
            assertThat(receiver.unprotectRtp(buf, 0, n)).as("seq %d", seq).isEqualTo(60);
            assertThat(Arrays.copyOf(buf, 60)).isEqualTo(plain);
        }
    }

    @Test
    void srtcpRoundTripCarriesTheIndexAndRejectsReplay() {
        SrtpKeys keys = keys();
        SrtpContext sender = new SrtpContext(keys);
        SrtpContext receiver = new SrtpContext(keys);
        byte[] pli = new byte[12 + 14];
        pli[0] = (byte) 0x81;
        pli[1] = (byte) 206;
        pli[3] = 2;
        pli[7] = 5;
        pli[11] = 9;
        byte[] original = Arrays.copyOf(pli, 12);
        int n = sender.protectRtcp(pli, 0, 12);
        assertThat(n).isEqualTo(12 + 4 + 10);
        byte[] replay = pli.clone();
        assertThat(receiver.unprotectRtcp(pli, 0, n)).isEqualTo(12);
        assertThat(Arrays.copyOf(pli, 12)).isEqualTo(original);
        assertThat(receiver.unprotectRtcp(replay, 0, n)).isEqualTo(-1);
    }

    @Test
    void dtlsKeyingMaterialIsSplitPerRfc5764() {
        byte[] material = new byte[60];
        for (int i = 0; i < 60; i++) {
            material[i] = (byte) i;
        }
        SrtpKeys client = SrtpKeys.fromDtlsExport(material, true);
        SrtpKeys sameClient = new SrtpKeys(Arrays.copyOfRange(material, 0, 16), Arrays.copyOfRange(material, 32, 46));
        SrtpKeys server = new SrtpKeys(Arrays.copyOfRange(material, 16, 32), Arrays.copyOfRange(material, 46, 60));
        assertThat(client.rtpKey).isEqualTo(sameClient.rtpKey);
        assertThat(SrtpKeys.fromDtlsExport(material, false).rtpKey).isEqualTo(server.rtpKey);
    }

    private static SrtpKeys keys() {
        return new SrtpKeys(HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));
    }

    static byte[] rtp(int seq, long ssrc, int len) {
        byte[] b = new byte[len];
        b[0] = (byte) 0x80;
        b[1] = 111;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[7] = 42;
        b[8] = (byte) (ssrc >>> 24);
        b[9] = (byte) (ssrc >>> 16);
        b[10] = (byte) (ssrc >>> 8);
        b[11] = (byte) ssrc;
        for (int i = 12; i < len; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }
}
