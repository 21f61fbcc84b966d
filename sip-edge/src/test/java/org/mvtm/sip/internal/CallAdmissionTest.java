package org.mvtm.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.AdmissionLimits;

/**
 * When the edge's own workers are behind, or the recording of the calls it connected is, new calls are refused; once
 * they are on time again, calls come back.
 */
class CallAdmissionTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Queue<Runnable> workers = new ArrayDeque<>(); // runs a hand-over when the test says the workers get to it
    final AtomicBoolean recordingBehind = new AtomicBoolean();
    final CallAdmission admission = new CallAdmission(
            new AdmissionLimits(1000, 2, Duration.ofMillis(250), Duration.ofSeconds(2)), clock, workers::add,
            recordingBehind::get, nanos::get);

    private void workersRunAfter(Duration wait) {
        nanos.addAndGet(wait.toNanos());
        while (!workers.isEmpty()) {
            workers.poll().run();
        }
    }

    @Test
    void aLateHandOverRefusesNewCallsUntilTheWorkersAreOnTimeAgainAndSetUpsInFlightAreBounded() {
        admission.handOver(() -> { });
        workersRunAfter(Duration.ofMillis(10));
        assertThat(admission.late()).isFalse();
        assertThat(admission.admit()).isNull();
        admission.setUpDone();

        admission.handOver(() -> { });
        workersRunAfter(Duration.ofMillis(400)); // the edge is 400 ms behind: a phone's answer may be waiting in it
        assertThat(admission.late()).isTrue();
        assertThat(admission.admit()).isEqualTo(CallAdmission.Refusal.LATE);

        nanos.addAndGet(Duration.ofMillis(1100).toNanos()); // a second without a late hand-over: recovered by itself
        assertThat(admission.late()).isFalse();
        assertThat(admission.admit()).isNull();

        // two set-ups in flight (the configured bound): the third call waits for neither, it is refused
        assertThat(admission.admit()).isNull();
        assertThat(admission.admit()).isEqualTo(CallAdmission.Refusal.SETTING_UP);
        admission.setUpDone();
        assertThat(admission.admit()).isNull();
    }

    @Test
    void whileTheRecordingOfConnectedCallsIsBehindNewCallsAreRefusedAndNothingIsLeftSettingUp() {
        recordingBehind.set(true);
        assertThat(admission.admit()).isEqualTo(CallAdmission.Refusal.RECORDING_BEHIND);
        assertThat(admission.admit()).as("a refusal holds no set-up place").isEqualTo(CallAdmission.Refusal.RECORDING_BEHIND);
        assertThat(CallAdmission.Refusal.RECORDING_BEHIND.counter).isEqualTo("overload-recording");

        recordingBehind.set(false); // the recordings caught up
        assertThat(admission.admit()).isNull();
        assertThat(admission.admit()).isNull();
        assertThat(admission.admit()).as("both set-up places are free").isEqualTo(CallAdmission.Refusal.SETTING_UP);
    }
}
