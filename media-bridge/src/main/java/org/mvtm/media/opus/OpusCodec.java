package org.mvtm.media.opus;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.List;

/**
 * The Opus decoder and encoder of the system's libopus (Debian {@code libopus0}) through JNA: 48 kHz mono, the
 * format the relay mixes browser audio in. {@link #load()} never fails: when the library cannot be loaded the codec
 * is {@link #available() unavailable} and {@link #problem()} says why, so the relay keeps relaying Opus unmixed.
 * Decoders and encoders hold native memory until {@link Decoder#close()} / {@link Encoder#close()}; their methods are
 * synchronized, so closing one from another thread never frees memory a decode or encode is using.
 */
public final class OpusCodec {
    public static final int SAMPLE_RATE = 48_000;
    /** Samples of one 20 ms frame at 48 kHz. */
    public static final int FRAME_SAMPLES = 960;
    /** The longest Opus packet (120 ms) in samples. */
    public static final int MAX_FRAME_SAMPLES = 5760;
    /** RFC 6716 recommends 1275 bytes as the largest frame; packets carry at most a few of them. */
    public static final int MAX_PACKET = 1500;
    private static final int APPLICATION_VOIP = 2048;
    private static final int SET_BITRATE = 4002;
    private static final int SET_COMPLEXITY = 4010;
    private static final int BITRATE = 32_000;
    private static final int COMPLEXITY = 5;

    /** The part of libopus' C API the relay uses ({@code opus.h}). */
    interface Lib extends Library {
        Pointer opus_decoder_create(int fs, int channels, IntByReference error);

        int opus_decode(Pointer decoder, byte[] data, int len, short[] pcm, int frameSize, int decodeFec);

        void opus_decoder_destroy(Pointer decoder);

        Pointer opus_encoder_create(int fs, int channels, int application, IntByReference error);

        int opus_encode(Pointer encoder, short[] pcm, int frameSize, byte[] data, int maxDataBytes);

        int opus_encoder_ctl(Pointer encoder, int request, Object... args);

        void opus_encoder_destroy(Pointer encoder);

        String opus_get_version_string();

        String opus_strerror(int error);
    }

    private final Lib lib;
    private final String problem;

    private OpusCodec(Lib lib, String problem) {
        this.lib = lib;
        this.problem = problem;
    }

    /** The system's libopus ({@code libopus.so}, else Debian's {@code libopus.so.0}). */
    public static OpusCodec load() {
        return load(List.of("opus", "libopus.so.0"));
    }

    /** The first of {@code libraryNames} that loads, or an unavailable codec saying what was tried. */
    public static OpusCodec load(List<String> libraryNames) {
        StringBuilder failures = new StringBuilder();
        for (String name : libraryNames) {
            try {
                Lib lib = Native.load(name, Lib.class);
                lib.opus_get_version_string();
                return new OpusCodec(lib, null);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(name).append(": ").append(e.getMessage());
            }
        }
        return new OpusCodec(null, "libopus could not be loaded (install the Debian package libopus0): " + failures);
    }

    public boolean available() {
        return lib != null;
    }

    /** Why the codec is unavailable, or null. */
    public String problem() {
        return problem;
    }

    /** libopus' version, e.g. {@code libopus 1.3.1}. */
    public String version() {
        return require().opus_get_version_string();
    }

    public Decoder decoder() {
        IntByReference error = new IntByReference();
        Pointer state = require().opus_decoder_create(SAMPLE_RATE, 1, error);
        check(state, error.getValue(), "opus_decoder_create");
        return new Decoder(state);
    }

    public Encoder encoder() {
        IntByReference error = new IntByReference();
        Pointer state = require().opus_encoder_create(SAMPLE_RATE, 1, APPLICATION_VOIP, error);
        check(state, error.getValue(), "opus_encoder_create");
        lib.opus_encoder_ctl(state, SET_BITRATE, BITRATE);
        lib.opus_encoder_ctl(state, SET_COMPLEXITY, COMPLEXITY);
        return new Encoder(state);
    }

    private Lib require() {
        if (lib == null) {
            throw new IllegalStateException(problem);
        }
        return lib;
    }

    private void check(Pointer state, int error, String call) {
        if (state == null || error != 0) {
            throw new IllegalStateException(call + " failed: " + lib.opus_strerror(error));
        }
    }

    /** One Opus stream's decoder (it keeps state between packets: one per sender). */
    public final class Decoder implements AutoCloseable {
        private Pointer state;
        private byte[] scratch = new byte[MAX_PACKET];

        private Decoder(Pointer state) {
            this.state = state;
        }

        /**
         * Decodes one Opus packet ({@code len} bytes at {@code off}) into {@code pcm} (at least
         * {@link #MAX_FRAME_SAMPLES} long); returns the samples decoded, or a negative libopus error (a corrupt
         * packet, or the decoder was closed).
         */
        public synchronized int decode(byte[] packet, int off, int len, short[] pcm) {
            if (state == null) {
                return -1;
            }
            if (scratch.length < len) {
                scratch = new byte[len];
            }
            System.arraycopy(packet, off, scratch, 0, len);
            return lib.opus_decode(state, scratch, len, pcm, Math.min(pcm.length, MAX_FRAME_SAMPLES), 0);
        }

        @Override
        public synchronized void close() {
            if (state != null) {
                lib.opus_decoder_destroy(state);
                state = null;
            }
        }
    }

    /** One Opus stream's encoder (it keeps state between frames: one per receiver). */
    public final class Encoder implements AutoCloseable {
        private Pointer state;
        private byte[] scratch = new byte[MAX_PACKET];

        private Encoder(Pointer state) {
            this.state = state;
        }

        /**
         * Encodes {@code samples} samples of {@code pcm} (2.5, 5, 10, 20, 40, 60, 80, 100 or 120 ms at 48 kHz) into
         * {@code out} at {@code off}, at most {@code max} bytes; returns the bytes written, or a negative libopus
         * error (a frame size Opus does not have, or the encoder was closed).
         */
        public synchronized int encode(short[] pcm, int samples, byte[] out, int off, int max) {
            if (state == null) {
                return -1;
            }
            int n = lib.opus_encode(state, pcm, samples, scratch, Math.min(max, scratch.length));
            if (n > 0) {
                System.arraycopy(scratch, 0, out, off, n);
            }
            return n;
        }

        @Override
        public synchronized void close() {
            if (state != null) {
                lib.opus_encoder_destroy(state);
                state = null;
            }
        }
    }
}
