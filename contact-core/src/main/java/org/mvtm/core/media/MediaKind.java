package org.mvtm.core.media;

/** Audio or video. */
public enum MediaKind {
    AUDIO,
    VIDEO
}
