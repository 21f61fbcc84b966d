package org.mvtm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartyTest {

    @Test
    void aMediaLegIdNamesItsPartyAndAnyOtherIdNamesNone() {
        assertThat(Party.ofLegId("customer-1a2b3c4d")).contains(Party.CUSTOMER);
        assertThat(Party.ofLegId("advisor-colleague-1a2b3c4d")).contains(Party.ADVISOR);
        assertThat(Party.ofLegId("supervisor")).contains(Party.SUPERVISOR);
        assertThat(Party.ofLegId("sip-customer")).isEmpty();
        assertThat(Party.ofLegId("customers-1")).isEmpty();
        assertThat(Party.ofLegId("")).isEmpty();
    }

    @Test
    void aPartyIsReadBackFromEitherOfItsNamesAndAnythingElseIsRefusedByName() {
        assertThat(Party.named("SUPERVISOR")).isEqualTo(Party.SUPERVISOR);
        assertThat(Party.named("advisor")).isEqualTo(Party.ADVISOR);
        assertThatThrownBy(() -> Party.named("boss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("party must be CUSTOMER, ADVISOR or SUPERVISOR but was 'boss'");
        assertThatThrownBy(() -> Party.named(null)).hasMessageContaining("but was 'null'");
    }
}
