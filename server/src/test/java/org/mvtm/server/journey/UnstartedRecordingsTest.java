package org.mvtm.server.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.time.MutableClock;

/** When the journey counts itself behind, which makes the SIP edge refuse new calls. */
class UnstartedRecordingsTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
    final UnstartedRecordings unstarted = new UnstartedRecordings(clock, LIMIT, Runnable::run);
    final InteractionId first = InteractionId.of("first");
    final InteractionId second = InteractionId.of("second");

    @Test
    void theOldestAcceptStillWaitingDecidesAndHandlingItClearsTheBacklog() {
        unstarted.heard(first, clock.instant());
        clock.advance(Duration.ofSeconds(3));
        unstarted.heard(second, clock.instant());
        clock.advance(Duration.ofSeconds(2));
        assertThat(unstarted.behind()).as("the first has waited exactly the limit").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(unstarted.behind()).as("the first has waited longer").isTrue();

        unstarted.handled(first);
        assertThat(unstarted.behind()).as("the second has waited 2 s").isFalse();
        clock.advance(Duration.ofSeconds(3));
        assertThat(unstarted.behind()).as("the second has waited 5 s and 1 ms").isTrue();
        unstarted.handled(second);
        assertThat(unstarted.behind()).isFalse();
    }

    @Test
    void anAcceptRelayedLateFromAnotherNodeCountsFromWhenRoutingAcceptedItAndOneFromTheFutureFromNow() {
        unstarted.heard(first, clock.instant().minus(Duration.ofSeconds(6)));
        assertThat(unstarted.behind()).as("accepted 6 s ago on another node, heard of only now").isTrue();
        unstarted.handled(first);

        unstarted.heard(second, clock.instant().plus(Duration.ofSeconds(30))); // that node's clock is ahead
        clock.advance(LIMIT.plusMillis(1));
        assertThat(unstarted.behind()).isTrue();
    }

    @Test
    void aSecondAcceptOfTheSameCallKeepsTheFirstOnesTimeAndOneHandlingClearsIt() {
        unstarted.heard(first, clock.instant());
        clock.advance(Duration.ofSeconds(4));
        unstarted.heard(first, clock.instant()); // a transfer to another advisor, heard before the first was handled
        clock.advance(Duration.ofSeconds(2));
        assertThat(unstarted.behind()).isTrue();
        unstarted.handled(first);
        assertThat(unstarted.behind()).isFalse();
    }
}
