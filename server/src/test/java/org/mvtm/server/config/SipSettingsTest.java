package org.mvtm.server.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipSettingsTest {
    private static ContactProperties.Sip sip(double callsPerSecond, Duration maxQueueDelay) {
        return sip(callsPerSecond, maxQueueDelay, Duration.ofSeconds(5));
    }

    private static ContactProperties.Sip sip(double callsPerSecond, Duration maxQueueDelay, Duration maxRecordingLag) {
        return new ContactProperties.Sip("0.0.0.0", "127.0.0.1", 5060, 5060, 5061, "mvtm.local", List.of(),
                callsPerSecond, maxQueueDelay, maxRecordingLag);
    }

    @Test
    void aHandOverDelayThatIsNotPositiveStopsTheStartNamingTheSetting() {
        for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofMillis(-5), null}) {
            assertThatThrownBy(() -> sip(400, wrong))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("contact.sip.max-queue-delay")
                    .hasMessageContaining(String.valueOf(wrong));
        }
    }

    @Test
    void aRecordingLagThatIsNotPositiveStopsTheStartNamingTheSetting() {
        for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            assertThatThrownBy(() -> sip(400, Duration.ofMillis(250), wrong))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("contact.sip.max-recording-lag")
                    .hasMessageContaining(String.valueOf(wrong));
        }
    }

    @Test
    void aRateThatIsNotPositiveStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> sip(0, Duration.ofMillis(250)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("contact.sip.max-calls-per-second");
    }

}
