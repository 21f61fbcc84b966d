package org.mvtm.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.testing.LogCapture;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The wrap-up form an advisor gets when a call ends does not wait for the database: a queue's rules are read once and
 * kept until an administrator changes something, and with the database gone the advisor still can wrap up.
 */
class WrapUpRulesTest {
    private final LogCapture lines = LogCapture.of(WrapUpRules.class);
    private static final QueueId CARDS = QueueId.of("cards");

    private final InProcessEventBus events = new InProcessEventBus();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T09:00:00Z"));
    private final AdministrationService admin = Administrations.open(new AdministrationSettings(new DatabaseSettings(
            "jdbc:h2:mem:wrap-up-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""), "mvtm.local"),
            clock, events);
    private final WrapUpRules rules =
            new WrapUpRules(new StaticListableBeanFactory(Map.of("admin", admin)).getBeanProvider(AdministrationService.class),
                    events, clock);

    @AfterEach
    void stopListening() {
        lines.close();
    }

    @Test
    void aQueuesRulesReadOnceServeTheCallsEndWhileTheDatabaseIsGone() {
        admin.createQueue("root", queue("cards", true));
        WrapUpRules.Rules read = rules.of(CARDS);
        assertThat(read.required()).isTrue();
        assertThat(read.codes()).extracting(WrapUpRules.Code::code).containsExactly("CARD_BLOCKED", "RESOLVED");

        admin.close(); // the database does not answer any more
        assertThat(rules.of(CARDS)).isEqualTo(read);
        WrapUpRules.Rules neverRead = rules.of(QueueId.of("loans"));
        assertThat(neverRead.required()).as("the advisor can leave wrap-up").isFalse();
        assertThat(neverRead.codes()).isEqualTo(WrapUpRules.DEFAULT_CODES);
    }

    @Test
    void aQueueWhoseRulesCouldNotBeReadIsNotAskedForAgainForAWhileThenIs() {
        admin.close();
        assertThat(rules.of(CARDS).codes()).isEqualTo(WrapUpRules.DEFAULT_CODES);
        long failedReads = warnings();
        rules.of(CARDS);
        assertThat(warnings()).as("no second wait on the database straight after").isEqualTo(failedReads);
        clock.advance(WrapUpRules.RETRY_AFTER);
        rules.of(CARDS);
        assertThat(warnings()).isEqualTo(failedReads + 1);
    }

    @Test
    void anAdministratorsChangeIsSeenByTheNextCallsWrapUp() {
        admin.createQueue("root", queue("cards", true));
        assertThat(rules.of(CARDS).required()).isTrue();

        admin.updateQueue("root", "cards", queue("cards", false)); // publishes AdministrationChanged on this bus
        assertThat(rules.of(CARDS).required()).isFalse();

        events.publish(new AdministrationChanged(Instant.now(), "queue", "cards", "root on another node"));
        admin.close();
        assertThat(rules.of(CARDS).required()).as("forgotten on the change, unread since: the defaults").isFalse();
        assertThat(rules.of(CARDS).codes()).isEqualTo(WrapUpRules.DEFAULT_CODES);
    }

    /** The failed reads so far, as the log tells them. */
    private long warnings() {
        return lines.lines().stream().filter(e -> e.getFormattedMessage().contains("could not be read")).count();
    }

    private static Queue queue(String id, boolean wrapUpRequired) {
        return new Queue(id, Map.of("en", "Cards"), "product.cards", 3, List.of(), 5, 0.8, 20, 1.0, 1.0, List.of(),
                "Asia/Hong_Kong", List.of(), List.of(), Queue.OutsideHours.CALLBACK,
                List.of(new Queue.Code("CARD_BLOCKED", "Card blocked"), new Queue.Code("RESOLVED", "Resolved")),
                List.of(), wrapUpRequired);
    }
}
