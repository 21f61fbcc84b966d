package org.mvtm.core.media;

/** One negotiated RTP payload type of a leg, e.g. {@code 111 opus/48000/2} or {@code 96 VP8/90000}. */
public record PayloadType(int number, MediaKind kind, String encoding, int clockRate, int channels) {
    public PayloadType {
        if (number < 0 || number > 127) {
            throw new IllegalArgumentException("RTP payload type must be 0..127 but was " + number);
        }
    }
}
