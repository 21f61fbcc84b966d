package org.mvtm.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.state.IllegalTransition;

/** The B2BUA's two call state machines refuse what RFC 3261's transactions do not allow, naming both states. */
class CallStateTablesTest {

    @Test
    void anAnsweredAdvisorLegCannotRingAgainAndAnEndedOneStaysEnded() {
        AdvisorLeg leg = new AdvisorLeg(new InteractionId("i-1"), new AgentId("alice"), false);
        leg.moveTo(AdvisorLeg.State.RINGING);
        leg.moveTo(AdvisorLeg.State.CONNECTED);
        assertThat(leg.canMoveTo(AdvisorLeg.State.RINGING)).isFalse();
        assertThatThrownBy(() -> leg.moveTo(AdvisorLeg.State.RINGING))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("advisor leg i-1/alice cannot go from CONNECTED to RINGING");
        assertThat(leg.state()).isEqualTo(AdvisorLeg.State.CONNECTED);
        leg.moveTo(AdvisorLeg.State.ENDED);
        assertThatThrownBy(() -> leg.moveTo(AdvisorLeg.State.ENDED))
                .hasMessage("advisor leg i-1/alice cannot go from ENDED to ENDED");
    }

    @Test
    void aCustomerCallReachesAnAdvisorOnlyFromTheQueueAndNeverAfterItEnded() {
        assertThat(CustomerCall.TABLE.allows(CustomerCall.State.TRYING, CustomerCall.State.CONNECTED)).isFalse();
        assertThatThrownBy(() -> CustomerCall.TABLE.check("i-2", CustomerCall.State.ENDED, CustomerCall.State.QUEUED))
                .hasMessage("customer call i-2 cannot go from ENDED to QUEUED");
        assertThat(CustomerCall.TABLE.isTerminal(CustomerCall.State.ENDED)).isTrue();
    }
}
