package org.mvtm.core.media;

/**
 * What a media leg carries: a party's own microphone and camera ({@link #CALL}), or the screen an advisor shares
 * during a video call ({@link #SCREEN}), relayed and recorded as a leg of its own so it replays in step with the others.
 */
public enum LegKind {
    CALL,
    SCREEN
}
