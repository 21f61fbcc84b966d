package org.mvtm.core.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RIFF WAV files of 16-bit PCM, read mixed down to mono and written mono. Shared by the media bridge
 * (announcements), the server (waiting messages and queue music) and the tests that make tones.
 */
public final class Wav {
    private static final int RIFF = 0x46464952;
    private static final int WAVE = 0x45564157;
    private static final int FMT = 0x20746d66;
    private static final int DATA = 0x61746164;
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    /** 16-bit mono samples at {@code rate} Hz. */
    public record Mono(short[] samples, int rate) {}

    private Wav() {}

    /**
     * The audio of a 16-bit PCM WAV (any rate from 4 kHz, any number of channels, mixed down to mono). A data chunk
     * whose size runs past the end (a streamed WAV, as {@code espeak-ng --stdout} writes) is read up to the end.
     *
     * @throws IllegalArgumentException saying what the bytes are not: a RIFF/WAVE file, 16-bit PCM, or with a data
     *     chunk; the message reads after the file's name ("... is not a RIFF/WAVE file")
     */
    public static Mono readMono(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != RIFF || b.getInt(8) != WAVE) {
            throw new IllegalArgumentException("is not a RIFF/WAVE file");
        }
        int format = 0;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == FMT && body + 16 <= wav.length) {
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id == DATA) {
                if (format != PCM && format != EXTENSIBLE || bits != 16 || channels < 1 || rate < 4000) {
                    throw new IllegalArgumentException("must be 16-bit PCM WAV but has format " + format + ", " + bits
                            + " bits, " + channels + " channels, " + rate + " Hz");
                }
                int length = size < 0 || body + size > wav.length ? wav.length - body : size;
                short[] mono = new short[length / (2 * channels)];
                for (int i = 0; i < mono.length; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(body + 2 * (i * channels + c));
                    }
                    mono[i] = (short) (sum / channels);
                }
                return new Mono(mono, rate);
            }
            if (size < 0 || size > wav.length - body) {
                break;
            }
            pos = body + size + (size & 1);
        }
        throw new IllegalArgumentException("has no fmt and data chunks");
    }

    /** A whole mono 16-bit PCM WAV file of {@code samples} at {@code rate} Hz. */
    public static byte[] mono(short[] samples, int rate) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(monoHeader(samples.length, rate));
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /**
     * The 44-byte header of a mono 16-bit PCM WAV file holding {@code samples} samples at {@code rate} Hz, for a writer
     * that streams the samples first and writes the header over the file's first 44 bytes once it knows how many.
     */
    public static byte[] monoHeader(long samples, int rate) {
        long data = 2 * samples;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RIFF).putInt((int) (36 + data)).putInt(WAVE);
        b.putInt(FMT)
                .putInt(16)
                .putShort((short) PCM)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2);
        b.putShort((short) 2).putShort((short) 16);
        b.putInt(DATA).putInt((int) data);
        return b.array();
    }
}
