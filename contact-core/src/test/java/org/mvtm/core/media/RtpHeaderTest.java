package org.mvtm.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    @Test
    void whatIsWrittenReadsBack() {
        byte[] b = new byte[20];
        RtpHeader.write(b, 4, true, 111, 65535, 4_294_967_295L, 0xCAFEBABEL);
        assertThat(RtpHeader.sequence(b, 4)).isEqualTo(65535);
        assertThat(RtpHeader.timestamp(b, 4)).isEqualTo(4_294_967_295L);
        assertThat(RtpHeader.ssrc(b, 4)).isEqualTo(0xCAFEBABEL);
        assertThat(RtpHeader.length(b, 4, 16)).isEqualTo(RtpHeader.LENGTH);
    }

    @Test
    void twoCsrcsAndAOneWordExtensionPutThePayloadAt28() {
        byte[] b = new byte[40];
        RtpHeader.write(b, 0, false, 96, 1, 2, 3);
        b[0] = (byte) (0x80 | 0x10 | 2); // X bit, CC = 2
        b[12 + 8 + 2] = 0;
        b[12 + 8 + 3] = 1; // extension length: one 32-bit word
        assertThat(RtpHeader.length(b, 0, 40)).isEqualTo(12 + 8 + 4 + 4);
    }

    @Test
    void aHeaderThatRunsPastThePacketIsRefusedSayingHowLongEachIs() {
        byte[] b = new byte[40];
        RtpHeader.write(b, 0, false, 96, 1, 2, 3);
        b[0] = (byte) (0x80 | 0x10);
        b[15] = 9; // nine words of extension, in a 30-byte packet
        assertThatThrownBy(() -> RtpHeader.length(b, 0, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RTP header of 52 bytes is longer than the packet (30)");
        assertThatThrownBy(() -> RtpHeader.length(b, 0, 14)).hasMessageContaining("extension runs past the packet (14");
        assertThatThrownBy(() -> RtpHeader.length(b, 0, 8)).hasMessageContaining("shorter than 12 bytes: 8");
    }

    @Test
    void aReaderThatTakesABrokenHeaderForNoEventGetsMinusOneWhereLengthRefuses() {
        byte[] b = new byte[40];
        RtpHeader.write(b, 0, false, 96, 1, 2, 3);
        assertThat(RtpHeader.lengthWithin(b, 0, 16)).isEqualTo(RtpHeader.LENGTH);
        b[0] = (byte) (0x80 | 0x10);
        b[15] = 9;
        assertThat(RtpHeader.lengthWithin(b, 0, 30)).isEqualTo(-1);
        assertThat(RtpHeader.lengthWithin(b, 0, 14)).isEqualTo(-1);
        assertThat(RtpHeader.lengthWithin(b, 0, 8)).isEqualTo(-1);
        b[15] = 1;
        assertThat(RtpHeader.lengthWithin(b, 0, 40))
                .isEqualTo(RtpHeader.length(b, 0, 40))
                .isEqualTo(12 + 4 + 4);
    }
}
