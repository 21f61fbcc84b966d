package org.mvtm.server.waiting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.Resampler;

/**
 * 16-bit mono audio at {@code rate} Hz: read from RIFF WAV or raw 8 kHz mu-law (the text-to-speech port's {@code .ul}),
 * written to RIFF WAV, resampled, joined.
 */
public record Pcm(short[] samples, int rate) {
    static final int TELEPHONE_RATE = 8000;

    /** Reads a 16-bit PCM WAV (mono or stereo: the first channel is kept). */
    static Pcm fromWav(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            throw new IOException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id == 0x61746164) { // "data"
                if (bits != 16 || channels < 1) {
                    throw new IOException("WAV must be 16-bit PCM but has " + bits + " bits, " + channels + " channels");
                }
                // a streamed WAV (espeak-ng --stdout) may carry a size that runs past the end: take what is there
                int length = size < 0 || body + size > wav.length ? wav.length - body : size;
                int frames = length / (2 * channels);
                short[] s = new short[frames];
                for (int i = 0; i < frames; i++) {
                    s[i] = b.getShort(body + i * 2 * channels);
                }
                return new Pcm(s, rate);
            }
            pos = body + Math.max(0, size) + (size & 1);
        }
        throw new IOException("WAV without a data chunk");
    }

    static Pcm fromWav(Path file) throws IOException {
        return fromWav(Files.readAllBytes(file));
    }

    /** Reads raw G.711 mu-law at 8 kHz (no header, one byte a sample), as the SIP edge's speech port renders it. */
    static Pcm fromMuLaw(Path file) throws IOException {
        byte[] ulaw = Files.readAllBytes(file);
        short[] s = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) {
            s[i] = G711.ulawToLinear(ulaw[i]);
        }
        return new Pcm(s, TELEPHONE_RATE);
    }

    /** This audio at {@code target} Hz (the media relay's low-pass {@link Resampler}). */
    Pcm resampled(int target) {
        if (target == rate || samples.length == 0) {
            return new Pcm(samples, rate);
        }
        return new Pcm(Resampler.convert(samples, rate, target), target);
    }

    Pcm then(Pcm next) {
        Pcm n = next.resampled(rate);
        short[] out = Arrays.copyOf(samples, samples.length + n.samples.length);
        System.arraycopy(n.samples, 0, out, samples.length, n.samples.length);
        return new Pcm(out, rate);
    }

    static Pcm silence(Duration length, int rate) {
        return new Pcm(new short[(int) (length.toMillis() * rate / 1000)], rate);
    }

    /** This audio followed by {@code filler} repeated until the whole lasts at least {@code length}. */
    Pcm paddedWith(Pcm filler, Duration length) {
        Pcm all = this;
        long wanted = length.toMillis() * rate / 1000;
        Pcm f = filler.resampled(rate);
        while (all.samples.length < wanted && f.samples.length > 0) {
            all = all.then(f);
        }
        return all;
    }

    Duration length() {
        return Duration.ofMillis(rate == 0 ? 0 : samples.length * 1000L / rate);
    }

    /** Writes a mono 16-bit PCM WAV atomically (a temporary file moved into place). */
    void writeWav(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples.length * 2);
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt(36 + samples.length * 2).putInt(0x45564157)
                .putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).putInt(0x61746164).putInt(samples.length * 2);
        out.write(h.array());
        ByteBuffer d = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            d.putShort(s);
        }
        out.write(d.array());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, out.toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
