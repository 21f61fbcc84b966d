package org.mvtm.sip.api.speech;

import org.mvtm.core.digest.Digests;

/**
 * Names of audio files rendered from text and cached (the synthesizer's speech, the IVR's prompts, the queue's wait
 * announcements): a file is named after the SHA-256 of what it was rendered from, so the same text finds the same
 * file and different texts never share one.
 */
public final class CacheNames {
    private CacheNames() {
    }

    /** The first 32 hex digits of the SHA-256 of {@code text} (UTF-8). */
    public static String of(String text) {
        return Digests.sha256Hex(text).substring(0, 32);
    }
}
