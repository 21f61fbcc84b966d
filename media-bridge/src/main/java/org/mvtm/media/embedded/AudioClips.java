package org.mvtm.media.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.media.G711;
import org.mvtm.media.api.MediaException;

/**
 * Loads announcement files and encodes them once per codec (cache key: path, size, modification time, codec).
 * Accepts RIFF WAV with 16-bit PCM (any sample rate, mono or stereo; resampled to 8 kHz mono) and raw mu-law
 * ({@code .ul}, {@code .pcmu}) or A-law ({@code .al}, {@code .pcma}) at 8 kHz.
 */
final class AudioClips {
    private final ConcurrentHashMap<String, AudioClip> cache = new ConcurrentHashMap<>();

    AudioClip load(Path file, String codecKey) {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis()
                    + "|" + codecKey;
        } catch (IOException e) {
            throw new MediaException("cannot read announcement " + file + ": " + e.getMessage(), e);
        }
        return cache.computeIfAbsent(key, k -> encode(file, codecKey));
    }

    int cached() {
        return cache.size();
    }

    private static AudioClip encode(Path file, String codecKey) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MediaException("cannot read announcement " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        short[] pcm;
        if (name.endsWith(".ul") || name.endsWith(".pcmu")) {
            pcm = new short[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pcm[i] = G711.ulawToLinear(bytes[i]);
            }
        } else if (name.endsWith(".al") || name.endsWith(".pcma")) {
            pcm = new short[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pcm[i] = G711.alawToLinear(bytes[i]);
            }
        } else {
            pcm = wavTo8kMono(bytes, file);
        }
        int frames = (pcm.length + AudioClip.FRAME_SAMPLES - 1) / AudioClip.FRAME_SAMPLES;
        if (frames == 0) {
            throw new MediaException("announcement " + file + " contains no audio");
        }
        byte[][] out = new byte[frames][AudioClip.FRAME_SAMPLES];
        boolean alaw = codecKey.equals("PCMA");
        for (int i = 0; i < frames * AudioClip.FRAME_SAMPLES; i++) {
            short s = i < pcm.length ? pcm[i] : 0;
            out[i / AudioClip.FRAME_SAMPLES][i % AudioClip.FRAME_SAMPLES] =
                    alaw ? G711.linearToAlaw(s) : G711.linearToUlaw(s);
        }
        return new AudioClip(codecKey, out);
    }

    static short[] wavTo8kMono(byte[] bytes, Path file) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new MediaException("announcement " + file + " is not a RIFF/WAVE file (nor .ul/.al raw G.711)");
        }
        int p = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        while (p + 8 <= bytes.length) {
            int id = b.getInt(p);
            int size = b.getInt(p + 4);
            if (size < 0) {
                break;
            }
            if (id == 0x20746d66) { // "fmt "
                format = b.getShort(p + 8) & 0xFFFF;
                channels = b.getShort(p + 10);
                rate = b.getInt(p + 12);
                bits = b.getShort(p + 22);
            } else if (id == 0x61746164) { // "data"
                if (format != 1 && format != 0xFFFE || bits != 16 || channels < 1 || rate < 4000) {
                    throw new MediaException("announcement " + file + " must be 16-bit PCM WAV but has format "
                            + format + ", " + bits + " bits, " + channels + " channels, " + rate + " Hz");
                }
                int end = (int) Math.min(bytes.length, (long) p + 8 + (size == -1 ? bytes.length : size));
                int n = (end - p - 8) / (2 * channels);
                short[] mono = new short[n];
                for (int i = 0; i < n; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(p + 8 + 2 * (i * channels + c));
                    }
                    mono[i] = (short) (sum / channels);
                }
                return resample(mono, rate, 8000);
            }
            p += 8 + size + (size & 1);
        }
        throw new MediaException("announcement " + file + " has no fmt/data chunk");
    }

    /** Linear-interpolation resampling with a box pre-filter when downsampling (speech quality is enough). */
    static short[] resample(short[] in, int from, int to) {
        if (from == to) {
            return in;
        }
        short[] src = in;
        if (from > to) {
            int width = Math.max(1, from / to);
            src = new short[in.length];
            for (int i = 0; i < in.length; i++) {
                int sum = 0;
                int cnt = 0;
                for (int k = 0; k < width && i + k < in.length; k++) {
                    sum += in[i + k];
                    cnt++;
                }
                src[i] = (short) (sum / cnt);
            }
        }
        int n = (int) ((long) in.length * to / from);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double pos = (double) i * from / to;
            int j = (int) pos;
            double f = pos - j;
            int a = src[Math.min(j, src.length - 1)];
            int c = src[Math.min(j + 1, src.length - 1)];
            out[i] = (short) Math.round(a + (c - a) * f);
        }
        return out;
    }
}
