package org.mvtm.sip.api.speech;

import java.util.Arrays;
import java.util.Optional;

/**
 * Voice activity detection and end of utterance for one caller, over 20 ms frames of 8 kHz linear samples: a frame
 * whose mean |sample| reaches {@code threshold} is speech; an utterance starts after {@code START_FRAMES} speech
 * frames in a row (a click is not speech), and ends after {@code endSilenceFrames} quiet frames or at
 * {@code maxFrames}. The frames just before the start are kept (the first syllable is quieter). Not thread-safe:
 * one caller's frames, in order.
 */
public final class Endpointer {
    static final int START_FRAMES = 3;
    private static final int LEAD_FRAMES = 10;
    private final int threshold;
    private final int endSilenceFrames;
    private final int maxFrames;
    private short[] buffer = new short[8000];
    private int length;
    private int speechRun;
    private int silenceRun;
    private boolean inUtterance;
    private int frames;

    /** Defaults for telephone speech: threshold 400, 700 ms of silence ends an utterance, at most 10 s. */
    public Endpointer() {
        this(400, 35, 500);
    }

    public Endpointer(int threshold, int endSilenceFrames, int maxFrames) {
        this.threshold = threshold;
        this.endSilenceFrames = endSilenceFrames;
        this.maxFrames = maxFrames;
    }

    /** Whether the caller is speaking now (an utterance started and has not ended). */
    public boolean speaking() {
        return inUtterance;
    }

    /** One frame; returns the whole utterance when this frame ended it. */
    public Optional<short[]> frame(short[] samples) {
        long sum = 0;
        for (short s : samples) {
            sum += Math.abs(s);
        }
        boolean speech = samples.length > 0 && sum / samples.length >= threshold;
        append(samples);
        if (!inUtterance) {
            speechRun = speech ? speechRun + 1 : 0;
            if (speechRun >= START_FRAMES) {
                inUtterance = true;
                silenceRun = 0;
                frames = speechRun;
            } else {
                keepOnly((LEAD_FRAMES + START_FRAMES) * samples.length);
            }
            return Optional.empty();
        }
        frames++;
        silenceRun = speech ? 0 : silenceRun + 1;
        if (silenceRun >= endSilenceFrames || frames >= maxFrames) {
            short[] utterance = Arrays.copyOf(buffer, length);
            reset();
            return Optional.of(utterance);
        }
        return Optional.empty();
    }

    /** Forgets what was heard (a new prompt starts). */
    public void reset() {
        length = 0;
        speechRun = 0;
        silenceRun = 0;
        frames = 0;
        inUtterance = false;
    }

    private void append(short[] samples) {
        if (length + samples.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + samples.length));
        }
        System.arraycopy(samples, 0, buffer, length, samples.length);
        length += samples.length;
    }

    private void keepOnly(int last) {
        if (length > last) {
            System.arraycopy(buffer, length - last, buffer, 0, last);
            length = last;
        }
    }
}
