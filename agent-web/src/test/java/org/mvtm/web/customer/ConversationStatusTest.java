package org.mvtm.web.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationStatusTest {
    @Test
    void followsTheJourneyAndRejectsIllegalStepsNamingBothStates() {
        assertThat(ConversationStatus.WITH_BOT.to(ConversationStatus.QUEUED).to(ConversationStatus.CONNECTED)
                .to(ConversationStatus.QUEUED).to(ConversationStatus.CONNECTED).to(ConversationStatus.ENDED))
                .isEqualTo(ConversationStatus.ENDED);
        assertThatThrownBy(() -> ConversationStatus.WITH_BOT.to(ConversationStatus.CONNECTED))
                .hasMessage("conversation cannot go from WITH_BOT to CONNECTED");
        assertThatThrownBy(() -> ConversationStatus.ENDED.to(ConversationStatus.QUEUED))
                .hasMessage("conversation cannot go from ENDED to QUEUED");
    }

    @Test
    void queueFollowsTheLikelyProduct() {
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.CARDS).value()).isEqualTo("cards");
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.REMITTANCE).value()).isEqualTo("cross-border");
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.LOANS).value()).isEqualTo("general");
    }
}
