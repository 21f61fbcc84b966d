package org.mvtm.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BigEndianTest {

    @Test
    void aTimestampPastTwoToTheThirtyOneIsReadUnsignedAndItsBitsAsWritten() {
        byte[] b = new byte[6];
        BigEndian.putInt32(b, 1, 4_000_000_000L);
        assertThat(b).containsExactly(0, 0xEE, 0x6B, 0x28, 0x00, 0);
        assertThat(BigEndian.uint32(b, 1)).isEqualTo(4_000_000_000L);
        assertThat(BigEndian.int32(b, 1)).isEqualTo((int) 4_000_000_000L);
    }

    @Test
    void aSixteenBitFieldKeepsOnlyItsLowBitsAndReadsUnsigned() {
        byte[] b = new byte[3];
        BigEndian.putUint16(b, 1, 0x1_FFFE);
        assertThat(b).containsExactly(0, 0xFF, 0xFE);
        assertThat(BigEndian.uint16(b, 1)).isEqualTo(65534);
    }
}
