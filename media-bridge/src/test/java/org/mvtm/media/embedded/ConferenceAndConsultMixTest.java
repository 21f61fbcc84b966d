package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mvtm.media.embedded.SupervisorMonitoringMixTest.forget;
import static org.mvtm.media.embedded.SupervisorMonitoringMixTest.talk;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.embedded.SupervisorMonitoringMixTest.Phone;

/**
 * A consult and a three-way call on G.711 legs: the customer (level 1000) is held while the advisor (2000) consults
 * a colleague (3000) on a second advisor leg; joined, everyone hears the two others mixed; after the advisor leaves,
 * the customer and the colleague hear each other.
 */
class ConferenceAndConsultMixTest extends EmbeddedMediaOnLoopback {
    private MediaSession session;

    @BeforeEach
    void start() {
        session = media.session(InteractionId.of("consult"));
    }

    @Test
    void theHeldCustomerHearsNobodyDuringTheConsultThenAllThreeHearTheTwoOthersThenTheColleagueTakesOver()
            throws Exception {
        try (Phone customer = new Phone((short) 1000); Phone advisor = new Phone((short) 2000);
             Phone colleague = new Phone((short) 3000)) {
            customer.useAnswer(session.addRtpLeg("customer", Party.CUSTOMER, customer.offer()));
            advisor.useAnswer(session.addRtpLeg("advisor", Party.ADVISOR, advisor.offer()));

            // consult: the customer is held, the colleague joins the advisor only
            session.hold("customer", true);
            colleague.useAnswer(session.addRtpLeg("colleague", Party.ADVISOR, colleague.offer()));
            session.connect("advisor", "colleague");
            talk(customer, advisor, colleague);
            await().atMost(Duration.ofSeconds(10)).until(() -> advisor.received.get() >= 30 && colleague.received.get() >= 30);
            assertThat(customer.received.get()).as("the held customer receives nothing").isZero();
            assertThat(advisor.loudest.get()).as("the advisor hears the colleague").isBetween(2900, 3100);
            assertThat(colleague.loudest.get()).as("the colleague hears the advisor").isBetween(1900, 2100);

            // three-way: the customer is resumed, everyone hears the two others mixed
            session.hold("customer", false);
            forget(customer, advisor, colleague);
            talk(customer, advisor, colleague);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.loudest.get() > 4800
                    && advisor.loudest.get() > 3800 && colleague.loudest.get() > 2800);
            assertThat(customer.loudest.get()).as("advisor + colleague").isBetween(4800, 5200);
            assertThat(advisor.loudest.get()).as("customer + colleague").isBetween(3800, 4200);
            assertThat(colleague.loudest.get()).as("customer + advisor").isBetween(2800, 3200);

            // the advisor completes the transfer and leaves: customer and colleague talk
            session.removeLeg("advisor");
            forget(customer, colleague);
            talk(customer, colleague);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.received.get() >= 30 && colleague.received.get() >= 30);
            assertThat(customer.loudest.get()).isBetween(2900, 3100);
            assertThat(colleague.loudest.get()).isBetween(900, 1100);
        }
    }
}
