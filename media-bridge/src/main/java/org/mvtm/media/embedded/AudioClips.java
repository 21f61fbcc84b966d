package org.mvtm.media.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.Resampler;
import org.mvtm.core.media.Wav;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.opus.OpusCodec;

/**
 * Loads announcement files and encodes them once per codec (cache key: path, size, modification time, codec).
 * Accepts RIFF WAV with 16-bit PCM (any sample rate, mono or stereo) and raw mu-law ({@code .ul}, {@code .pcmu}) or
 * A-law ({@code .al}, {@code .pcma}) at 8 kHz. The audio is resampled ({@link Resampler}) to the codec's rate and cut
 * into 20 ms frames: G.711 (8 kHz, 160 bytes a frame) by table, Opus (48 kHz, 960 samples a frame) by one libopus
 * encoder for the whole clip, so queue music and prompts play to browser legs on Opus too.
 */
final class AudioClips {
    private final ConcurrentHashMap<String, AudioClip> cache = new ConcurrentHashMap<>();
    private final OpusCodec opus;

    AudioClips(OpusCodec opus) {
        this.opus = opus;
    }

    AudioClip load(Path file, String codecKey) {
        if (codecKey.equals("OPUS") && !opus.available()) {
            throw new MediaException("cannot play announcement " + file + " to an Opus leg: " + opus.problem());
        }
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

    private AudioClip encode(Path file, String codecKey) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MediaException("cannot read announcement " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        short[] pcm;
        int rate = 8000;
        if (name.endsWith(".ul") || name.endsWith(".pcmu")) {
            pcm = AudioFrames.g711ToLinear(bytes, 0, bytes.length, false);
        } else if (name.endsWith(".al") || name.endsWith(".pcma")) {
            pcm = AudioFrames.g711ToLinear(bytes, 0, bytes.length, true);
        } else {
            Wav.Mono wav;
            try {
                wav = Wav.readMono(bytes);
            } catch (IllegalArgumentException e) {
                throw new MediaException("announcement " + file + " " + e.getMessage()
                        + " (WAV of 16-bit PCM, or raw G.711 named .ul or .al)");
            }
            pcm = wav.samples();
            rate = wav.rate();
        }
        if (pcm.length == 0) {
            throw new MediaException("announcement " + file + " contains no audio");
        }
        boolean isOpus = codecKey.equals("OPUS");
        int codecRate = isOpus ? OpusCodec.SAMPLE_RATE : 8000;
        int frameSamples = codecRate / 50;
        short[] atRate = Resampler.convert(pcm, rate, codecRate);
        int frames = Math.max(1, (atRate.length + frameSamples - 1) / frameSamples);
        short[] padded = Arrays.copyOf(atRate, frames * frameSamples);
        byte[][] out = new byte[frames][];
        if (isOpus) {
            try (OpusCodec.Encoder encoder = opus.encoder()) {
                byte[] packet = new byte[OpusCodec.MAX_PACKET];
                for (int f = 0; f < frames; f++) {
                    short[] frame = Arrays.copyOfRange(padded, f * frameSamples, (f + 1) * frameSamples);
                    int n = encoder.encode(frame, frameSamples, packet, 0, packet.length);
                    if (n <= 0) {
                        throw new MediaException("announcement " + file + ": libopus could not encode frame " + f
                                + " (error " + n + ")");
                    }
                    out[f] = Arrays.copyOf(packet, n);
                }
            }
        } else {
            boolean alaw = codecKey.equals("PCMA");
            for (int f = 0; f < frames; f++) {
                out[f] = new byte[frameSamples];
                for (int i = 0; i < frameSamples; i++) {
                    short s = padded[f * frameSamples + i];
                    out[f][i] = alaw ? G711.linearToAlaw(s) : G711.linearToUlaw(s);
                }
            }
        }
        return new AudioClip(codecKey, out, frameSamples);
    }
}
