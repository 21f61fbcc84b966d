package org.mvtm.media.embedded;

/** An announcement encoded once for one codec: 20 ms frames of 160 G.711 bytes at 8 kHz. */
record AudioClip(String codecKey, byte[][] frames) {
    static final int FRAME_SAMPLES = 160;
}
