package org.mvtm.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.AdvisorDayStorage;
import tools.jackson.databind.json.JsonMapper;

/** An advisor's "Today's interactions" as a restarted server shows them: read back from the data directory. */
class TodaysInteractionsSurviveRestartTest {
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final AgentId ALICE = AgentId.of("alice");
    @TempDir
    Path dir;

    private AdvisorDesk desk(Clock clock) {
        return new AdvisorDesks(new AdvisorDayLog(AdvisorDayStorage.in(dir), clock, JsonMapper.builder().build())).of(ALICE);
    }

    @Test
    void aWrappedUpInteractionIsListedAgainByTheNextServer() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), HONG_KONG);
        AdvisorDesk before = desk(clock);
        InteractionId call = InteractionId.random();
        before.connected(call, clock.instant(), "Mr Chan Tai Man", "VIDEO", "cards");
        before.ended(call, clock.instant().plusSeconds(300));
        before.wrappedUp(call, "CARD_BLOCKED", "replacement ordered");

        AdvisorDesk after = desk(clock); // a new server process: nothing in memory
        assertThat(after.today()).singleElement().satisfies(e -> {
            assertThat(e.interactionId()).isEqualTo(call.value());
            assertThat(e.customerName()).isEqualTo("Mr Chan Tai Man");
            assertThat(e.wrapUpCode()).isEqualTo("CARD_BLOCKED");
            assertThat(e.endedAt()).isEqualTo(clock.instant().plusSeconds(300));
        });
    }

    @Test
    void aCallStillConnectedAfterTheRestartIsNotListedTwice() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), HONG_KONG);
        InteractionId call = InteractionId.random();
        desk(clock).connected(call, clock.instant(), "Ms Li Na", "CHAT", "general");

        AdvisorDesk after = desk(clock);
        after.connected(call, clock.instant(), "Ms Li Na", "CHAT", "general"); // restored from routing
        assertThat(after.today()).hasSize(1);
    }

    @Test
    void yesterdaysInteractionsAreNotToday() {
        Instant evening = Instant.parse("2026-03-02T15:00:00Z"); // 23:00 in Hong Kong
        desk(Clock.fixed(evening, HONG_KONG)).connected(InteractionId.random(), evening, "Mr John Smith", "VOICE", "general");

        AdvisorDesk nextMorning = desk(Clock.fixed(evening.plus(Duration.ofHours(10)), HONG_KONG));
        assertThat(nextMorning.today()).isEmpty();
    }

    @Test
    void anUnreadableFileLeavesAnEmptyListAndTheConsoleOpens() throws Exception {
        Files.writeString(dir.resolve("alice.json"), "{ not json");
        assertThat(desk(Clock.systemUTC()).today()).isEmpty();
    }
}
