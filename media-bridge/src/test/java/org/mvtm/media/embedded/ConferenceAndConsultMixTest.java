package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mvtm.media.embedded.LevelPhone.ADVISOR;
import static org.mvtm.media.embedded.LevelPhone.CUSTOMER;
import static org.mvtm.media.embedded.LevelPhone.awaitHears;
import static org.mvtm.media.embedded.LevelPhone.talk;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaSession;

/**
 * A consult and a three-way call on G.711 legs: the customer (level 1000) is held while the advisor (2000) consults
 * a colleague (3000) on a second advisor leg; joined, everyone hears the two others mixed; after the advisor leaves,
 * the customer and the colleague hear each other.
 */
class ConferenceAndConsultMixTest extends EmbeddedMediaOnLoopback {
    private static final short COLLEAGUE = 3000;
    private MediaSession session;

    @BeforeEach
    void start() {
        session = media.session(InteractionId.of("consult"));
    }

    @Test
    void theHeldCustomerHearsNobodyDuringTheConsultThenAllThreeHearTheTwoOthersThenTheColleagueTakesOver()
            throws Exception {
        try (LevelPhone customer = new LevelPhone(CUSTOMER); LevelPhone advisor = new LevelPhone(ADVISOR);
             LevelPhone colleague = new LevelPhone(COLLEAGUE)) {
            LoopbackPhone.call(session, customer, advisor);

            // consult: the customer is held, the colleague joins the advisor only
            session.hold("customer", true);
            colleague.joins(session, "colleague", Party.ADVISOR);
            session.connect("advisor", "colleague");
            talk(customer, advisor, colleague);
            await().atMost(Duration.ofSeconds(10)).until(() -> advisor.received.get() >= 30 && colleague.received.get() >= 30);
            assertThat(customer.received.get()).as("the held customer receives nothing").isZero();
            assertThat(advisor.loudest.get()).as("the advisor hears the colleague").isBetween(2900, 3100);
            assertThat(colleague.loudest.get()).as("the colleague hears the advisor").isBetween(1900, 2100);

            // three-way: the customer is resumed, everyone hears the two others mixed
            session.hold("customer", false);
            talk(customer, advisor, colleague);
            awaitHears(customer, ADVISOR + COLLEAGUE, "advisor + colleague");
            awaitHears(advisor, CUSTOMER + COLLEAGUE, "customer + colleague");
            awaitHears(colleague, CUSTOMER + ADVISOR, "customer + advisor");

            // the advisor completes the transfer and leaves: customer and colleague talk
            session.removeLeg("advisor");
            talk(customer, colleague);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.received.get() >= 30 && colleague.received.get() >= 30);
            assertThat(customer.loudest.get()).isBetween(2900, 3100);
            assertThat(colleague.loudest.get()).isBetween(900, 1100);
        }
    }
}
