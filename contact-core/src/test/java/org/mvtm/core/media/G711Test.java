package org.mvtm.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {
    @Test
    void knownCodeWordsDecodeToTheReferenceLevels() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everySampleSurvivesEncodeAndDecodeWithinItsSegmentsQuantisationStep() {
        for (int pcm = Short.MIN_VALUE; pcm <= Short.MAX_VALUE; pcm += 7) {
            short s = (short) pcm;
            int magnitude = Math.abs(pcm);
            // G.711 keeps 4 mantissa bits: the step is 1/16 of the segment, at most 1024 at full scale
            int step = Math.max(16, Integer.highestOneBit(Math.max(1, magnitude)) / 8);
            assertThat(Math.abs(G711.ulawToLinear(G711.linearToUlaw(s)) - Math.min(32635, Math.max(-32635, pcm))))
                    .as("mu-law %d", pcm)
                    .isLessThanOrEqualTo(step);
            assertThat(Math.abs(G711.alawToLinear(G711.linearToAlaw(s)) - pcm))
                    .as("A-law %d", pcm)
                    .isLessThanOrEqualTo(step);
        }
    }

    @Test
    void everyCodeWordIsStableThroughDecodeAndEncode() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            short ulaw = G711.ulawToLinear(code);
            assertThat(G711.ulawToLinear(G711.linearToUlaw(ulaw)))
                    .as("mu-law 0x%02x", b)
                    .isEqualTo(ulaw);
            short alaw = G711.alawToLinear(code);
            assertThat(G711.linearToAlaw(alaw)).as("A-law 0x%02x", b).isEqualTo(code);
        }
    }
}
