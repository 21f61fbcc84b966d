package org.mvtm.web.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Refusal;
import org.mvtm.core.time.MutableClock;
import org.mvtm.web.api.CustomerLimitSettings;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class CustomerLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final CustomerLimits limits = new CustomerLimits(clock,
            new StaticListableBeanFactory().getBeanProvider(CustomerLimitSettings.class));

    @Test
    void aCustomerWhoStartsTenConversationsInAMinuteIsRefusedTheEleventhAndAdmittedAMinuteAfterTheFirst() {
        for (int i = 0; i < 10; i++) {
            limits.admitConversation("chan", List.of());
            clock.advance(Duration.ofSeconds(5));
        }
        assertThatThrownBy(() -> limits.admitConversation("chan", List.of())).isInstanceOf(Refusal.class)
                .hasMessage("customer chan started 10 conversations within a minute; at most 10");
        clock.advance(Duration.ofSeconds(10)); // the first start is a minute old
        limits.admitConversation("chan", List.of());
    }

    @Test
    void customersWhoStartedNothingForAMinuteAreNoLongerHeld() {
        for (int i = 0; i < 1000; i++) {
            limits.admitConversation("customer-" + i, List.of());
        }
        assertThat(limits.customersRemembered()).isEqualTo(1000);

        clock.advance(Duration.ofMinutes(1));
        limits.admitConversation("smith", List.of());

        assertThat(limits.customersRemembered()).as("only smith, who started one just now").isEqualTo(1);
    }
}
