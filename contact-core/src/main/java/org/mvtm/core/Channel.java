package org.mvtm.core;

/** How a customer reaches the bank. */
public enum Channel {
    VIDEO,
    VOICE,
    CHAT;

    /** True for channels that carry real-time media through the media bridge. */
    public boolean hasMedia() {
        return this != CHAT;
    }
}
