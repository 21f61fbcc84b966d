package org.mvtm.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
