package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegStateTest {

    @Test
    void webRtcLegGoesThroughIceThenDtlsAndRepeatedChecksAreNoOps() {
        var m = LegState.machine("customer");
        assertThat(m.moveTo(LegState.ICE_CONNECTED)).isTrue();
        assertThat(m.moveTo(LegState.ICE_CONNECTED)).isFalse();
        assertThat(m.moveTo(LegState.CONNECTED)).isTrue();
        assertThat(m.moveTo(LegState.CLOSED)).isTrue();
    }

    @Test
    void illegalTransitionIsRejectedNamingBothStates() {
        var m = LegState.machine("advisor");
        m.moveTo(LegState.CONNECTED);
        assertThatThrownBy(() -> m.moveTo(LegState.ICE_CONNECTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("leg advisor cannot go from CONNECTED to ICE_CONNECTED");
        m.moveTo(LegState.CLOSED);
        assertThatThrownBy(() -> m.moveTo(LegState.FAILED)).hasMessageContaining("from CLOSED to FAILED");
    }

    @Test
    void aClosedLegCannotFailOrReconnect() {
        var m = LegState.machine("x");
        m.moveTo(LegState.CLOSED);
        assertThat(m.tryMoveTo(LegState.FAILED)).isFalse();
        assertThat(m.tryMoveTo(LegState.CONNECTED)).isFalse();
        assertThat(m.get()).isEqualTo(LegState.CLOSED);
    }
}
