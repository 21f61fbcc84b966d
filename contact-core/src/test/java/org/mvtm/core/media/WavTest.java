package org.mvtm.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WavTest {
    @Test
    void aWrittenMonoFileReadsBackSampleForSample() {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 1234};

        Wav.Mono read = Wav.readMono(Wav.mono(samples, 16_000));

        assertThat(read.samples()).containsExactly(samples);
        assertThat(read.rate()).isEqualTo(16_000);
    }

    @Test
    void stereoIsMixedDownToTheAverageOfItsChannels() {
        byte[] wav = Wav.mono(new short[] {1000, 3000, -200, 600}, 8000);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(22, (short) 2).putInt(28, 8000 * 4).putShort(32, (short) 4); // the same bytes as two channels

        Wav.Mono read = Wav.readMono(wav);

        assertThat(read.samples()).containsExactly((short) 2000, (short) 200);
    }

    @Test
    void aStreamedFileWhoseDataSizeRunsPastTheEndIsReadToTheEnd() {
        byte[] wav = Wav.mono(new short[] {7, 8, 9}, 22_050);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, -1); // what espeak-ng --stdout writes

        assertThat(Wav.readMono(wav).samples()).containsExactly((short) 7, (short) 8, (short) 9);
    }

    @Test
    void whatIsNotA16BitPcmWavIsRefusedSayingWhy() {
        assertThatThrownBy(() -> Wav.readMono("not a wave file".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not a RIFF/WAVE file");
        byte[] eightBit = Wav.mono(new short[] {1, 2}, 8000);
        ByteBuffer.wrap(eightBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
        assertThatThrownBy(() -> Wav.readMono(eightBit))
                .hasMessage("must be 16-bit PCM WAV but has format 1, 8 bits, 1 channels, 8000 Hz");
        byte[] headerOnly = java.util.Arrays.copyOf(Wav.mono(new short[0], 8000), 36);
        assertThatThrownBy(() -> Wav.readMono(headerOnly)).hasMessage("has no fmt and data chunks");
    }
}
