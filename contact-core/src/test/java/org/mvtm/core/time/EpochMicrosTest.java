package org.mvtm.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochMicrosTest {

    @Test
    void anInstantGoesToMicrosAndBackLosingOnlyWhatIsFinerThanAMicrosecond() {
        Instant t = Instant.parse("2026-12-06T03:41:51.343768912Z");
        assertThat(EpochMicros.of(t)).isEqualTo(1_796_528_511_343_768L);
        assertThat(EpochMicros.instant(EpochMicros.of(t))).isEqualTo(Instant.parse("2026-12-06T03:41:51.343768Z"));
    }

    @Test
    void timesBeforeTheEpochRoundTripToo() {
        Instant t = Instant.parse("1969-12-31T23:59:59.999999Z");
        assertThat(EpochMicros.of(t)).isEqualTo(-1L);
        assertThat(EpochMicros.instant(-1L)).isEqualTo(t);
    }
}
