package org.mvtm.web.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
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
import org.mvtm.web.call.WebWorkers;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The wrap-up form an advisor gets when a call ends does not wait for the database: every queue's rules are read at
 * start and after each administrator's change, in the background, and with the database gone the advisor still can
 * wrap up, with the rules last read.
 */
class WrapUpRulesTest {
    private static final QueueId CARDS = QueueId.of("cards");
    private static final Duration A_WHILE = Duration.ofSeconds(10);
    private final LogCapture lines = LogCapture.of(WrapUpRules.class);

    private final InProcessEventBus events = new InProcessEventBus();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T09:00:00Z"));
    private final WebWorkers workers = new WebWorkers();
    private final AdministrationService admin = Administrations.open(new AdministrationSettings(new DatabaseSettings(
            "jdbc:h2:mem:wrap-up-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""), "mvtm.local"),
            clock, events);

    @AfterEach
    void stop() {
        lines.close();
        workers.destroy();
        admin.close();
    }

    private WrapUpRules rules() {
        return new WrapUpRules(new StaticListableBeanFactory(Map.of("admin", admin))
                .getBeanProvider(AdministrationService.class), events, clock, workers);
    }

    @Test
    void aQueuesRulesReadAtStartServeTheCallsEndWhileTheDatabaseIsGone() {
        admin.createQueue("root", queue("cards", true));
        WrapUpRules rules = rules();
        await().atMost(A_WHILE).until(() -> rules.of(CARDS).required());
        WrapUpRules.Rules read = rules.of(CARDS);
        assertThat(read.codes()).extracting(WrapUpRules.Code::code).containsExactly("CARD_BLOCKED", "RESOLVED");

        admin.close(); // the database does not answer any more
        assertThat(rules.of(CARDS)).isEqualTo(read);
        WrapUpRules.Rules neverRead = rules.of(QueueId.of("loans"));
        assertThat(neverRead.required()).as("the advisor can leave wrap-up").isFalse();
        assertThat(neverRead.codes()).isEqualTo(WrapUpRules.DEFAULT_CODES);
    }

    @Test
    void whileTheDatabaseDoesNotAnswerTheRulesAreAskedForAtMostOnceInAWhileAndNeverOnTheCallersThread() {
        admin.close();
        WrapUpRules rules = rules();
        await().atMost(A_WHILE).until(() -> failedReads().size() == 1); // the read at start
        assertThat(rules.of(CARDS).codes()).isEqualTo(WrapUpRules.DEFAULT_CODES);
        assertThat(rules.of(CARDS).required()).isFalse();
        assertThat(failedReads()).as("no second read straight after").hasSize(1);

        clock.advance(WrapUpRules.RETRY_AFTER);
        rules.of(CARDS);
        await().atMost(A_WHILE).until(() -> failedReads().size() == 2);
        String caller = Thread.currentThread().getName();
        assertThat(failedReads()).extracting(ILoggingEvent::getThreadName).doesNotContain(caller);
    }

    @Test
    void anAdministratorsChangeIsSeenByTheNextCallsWrapUpAndAFailedReadKeepsTheRulesLastRead() {
        admin.createQueue("root", queue("cards", true));
        WrapUpRules rules = rules();
        await().atMost(A_WHILE).until(() -> rules.of(CARDS).required());

        admin.updateQueue("root", "cards", queue("cards", false)); // publishes AdministrationChanged on this bus
        assertThat(rules.of(CARDS).required()).as("this node's own change, read before its answer").isFalse();

        admin.close();
        events.publishRelayed(new AdministrationChanged(Instant.now(), "queue", "cards", "root on another node"));
        await().atMost(A_WHILE).until(() -> failedReads().size() == 1);
        assertThat(rules.of(CARDS).required()).as("the rules last read").isFalse();
        assertThat(rules.of(CARDS).codes()).extracting(WrapUpRules.Code::code)
                .containsExactly("CARD_BLOCKED", "RESOLVED");
    }

    /** The failed reads so far, as the log tells them. */
    private List<ILoggingEvent> failedReads() {
        return lines.lines().stream().filter(e -> e.getFormattedMessage().contains("could not be read")).toList();
    }

    private static Queue queue(String id, boolean wrapUpRequired) {
        return new Queue(id, Map.of("en", "Cards"), "product.cards", 3, List.of(), 5, 0.8, 20, 1.0, 1.0, List.of(),
                "Asia/Hong_Kong", List.of(), List.of(), Queue.OutsideHours.CALLBACK,
                List.of(new Queue.Code("CARD_BLOCKED", "Card blocked"), new Queue.Code("RESOLVED", "Resolved")),
                List.of(), wrapUpRequired);
    }
}
