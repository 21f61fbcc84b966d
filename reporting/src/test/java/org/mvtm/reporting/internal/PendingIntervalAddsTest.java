package org.mvtm.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.core.time.MutableClock;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What is kept while the store fails, in memory against a store that sums; the real PostgreSQL going down and coming
 * back: {@code IntervalReportsThroughADatabaseOutageTest}.
 */
class PendingIntervalAddsTest {
    private static final IntervalKey CARDS = new IntervalKey(0, "cards", "VOICE", "HK", "");
    private static final IntervalKey LOANS = new IntervalKey(0, "loans", "VOICE", "HK", "");

    /** A store that sums what it takes, refuses everything while down, and refuses one row for what it holds. */
    private static final class Store implements IntervalSink {
        final Map<IntervalKey, Map<Measure, Long>> rows = new HashMap<>();
        final Map<String, Long> staffed = new HashMap<>();
        final List<Object> tries = new ArrayList<>();
        boolean down;
        IntervalKey refused;

        @Override
        public void add(IntervalKey key, Map<Measure, Long> amounts) {
            tries.add(key);
            if (down) {
                throw new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused");
            }
            if (key.equals(refused)) {
                throw new DataIntegrityViolationException("value too long for type character varying(64)");
            }
            amounts.forEach((m, v) ->
                    rows.computeIfAbsent(key, k -> new EnumMap<>(Measure.class)).merge(m, v, Long::sum));
        }

        @Override
        public void addAdvisorTime(long intervalStart, String advisor, long staffedMs, long handlingMs) {
            tries.add(advisor);
            if (down) {
                throw new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused");
            }
            staffed.merge(advisor, staffedMs, Long::sum);
        }
    }

    private final Store store = new Store();
    private final PendingIntervalAdds adds = new PendingIntervalAdds(store, new MutableClock(Instant.EPOCH));

    @Test
    void figuresAddedWhileTheDatabaseIsDownAreKeptSummedAndWrittenOnceItAnswers() {
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L));
        store.down = true;
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L, Measure.ANSWERED, 1L));
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L));
        adds.addAdvisorTime(0, "alice", 60_000, 30_000);
        adds.addAdvisorTime(0, "alice", 40_000, 0);
        adds.retry();
        assertThat(adds.keptRows()).isEqualTo(2);

        store.down = false;
        adds.retry();

        assertThat(adds.keptRows()).isZero();
        assertThat(store.rows.get(CARDS)).containsEntry(Measure.OFFERED, 3L).containsEntry(Measure.ANSWERED, 1L);
        assertThat(store.staffed).containsEntry("alice", 100_000L);
    }

    @Test
    void whileTheDatabaseIsDownNewFiguresAreKeptWithoutWaitingForItEachTime() {
        store.down = true;
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L));
        int afterFirstFailure = store.tries.size();
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L));
        adds.add(LOANS, Map.of(Measure.OFFERED, 1L));
        adds.addAdvisorTime(0, "bob", 1_000, 0);

        assertThat(store.tries).hasSize(afterFirstFailure);
        assertThat(adds.keptRows()).isEqualTo(3);
    }

    @Test
    void aRowTheDatabaseRefusesForWhatItHoldsIsDroppedAndDoesNotHoldUpTheOthers() {
        store.refused = CARDS;
        adds.add(CARDS, Map.of(Measure.OFFERED, 1L));
        adds.add(LOANS, Map.of(Measure.OFFERED, 1L));

        assertThat(adds.keptRows()).isZero();
        assertThat(store.rows).containsOnlyKeys(LOANS);
    }
}
