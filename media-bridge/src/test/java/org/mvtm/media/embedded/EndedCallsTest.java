package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.time.MutableClock;

class EndedCallsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final EndedCalls ended = new EndedCalls(clock);

    @Test
    void anEndedCallsMediaWaitsForItsRecordingUpToAMinuteThenGoes() {
        ended.park(InteractionId.of("a"), kept(1000));
        clock.advance(EndedCalls.WAIT);
        ended.letGo(clock.instant());
        assertThat(ended.take(InteractionId.of("a"))).as("a recording that starts within the wait").isPresent();

        ended.park(InteractionId.of("b"), kept(1000));
        clock.advance(EndedCalls.WAIT.plus(Duration.ofMillis(1)));
        ended.letGo(clock.instant());
        assertThat(ended.take(InteractionId.of("b"))).as("a recording that never came").isEmpty();
    }

    @Test
    void whenEndedCallsHoldTooMuchTheOldestGoesFirst() {
        int calls = (int) (EndedCalls.MAX_BYTES / PreRoll.MAX_BYTES) + 1;
        for (int i = 0; i < calls; i++) {
            ended.park(InteractionId.of("call-" + i), kept(PreRoll.MAX_BYTES / 1000));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(ended.waiting()).isEqualTo(calls - 1);
        assertThat(ended.take(InteractionId.of("call-0"))).isEmpty();
        assertThat(ended.take(InteractionId.of("call-1"))).isPresent();
        assertThat(ended.take(InteractionId.of("call-" + (calls - 1)))).isPresent();
    }

    @Test
    void aCallThatKeptNothingDoesNotWait() {
        ended.park(InteractionId.of("quiet"), new PreRoll());
        assertThat(ended.waiting()).isZero();
    }

    /** A pre-roll holding {@code packets} packets of 1,000 bytes, within its window. */
    private PreRoll kept(int packets) {
        PreRoll preRoll = new PreRoll();
        preRoll.arm(true);
        long at = clock.instant().toEpochMilli() * 1000;
        for (int i = 0; i < packets; i++) {
            preRoll.packet("customer", MediaKind.AUDIO, at + i, new byte[1000], 0, 1000);
        }
        return preRoll;
    }
}
