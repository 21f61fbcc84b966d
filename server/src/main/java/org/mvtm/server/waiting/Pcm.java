package org.mvtm.server.waiting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.Resampler;
import org.mvtm.core.media.Wav;

/**
 * 16-bit mono audio at {@code rate} Hz: read from RIFF WAV or raw 8 kHz mu-law (the text-to-speech port's {@code .ul}),
 * written to RIFF WAV, resampled, joined.
 */
public record Pcm(short[] samples, int rate) {
    static final int TELEPHONE_RATE = 8000;

    /** Reads a 16-bit PCM WAV (mono, or mixed down to mono); says what else it is not. */
    static Pcm fromWav(byte[] wav) {
        Wav.Mono mono = Wav.readMono(wav);
        return new Pcm(mono.samples(), mono.rate());
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
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Wav.mono(samples, rate));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
