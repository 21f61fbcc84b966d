package org.mvtm.media.embedded;

/**
 * An announcement encoded once for one codec: 20 ms frames (G.711: 160 bytes at 8 kHz; Opus: one packet of 960
 * samples at 48 kHz each), and how far the RTP timestamp moves per frame ({@code frameTicks}: 160 or 960).
 */
record AudioClip(String codecKey, byte[][] frames, int frameTicks) {
}
