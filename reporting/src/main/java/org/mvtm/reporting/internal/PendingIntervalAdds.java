package org.mvtm.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.core.log.FailureStreakLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The figures the database has not taken yet. An add goes to the store at once while the store works; once an add
 * fails (the database does not answer), it is kept, and later adds are kept with it without trying, summed per row
 * (every figure is a sum, so adding twice to the kept row loses nothing), until {@link #retry} writes them all. So a
 * database outage delays the interval records instead of losing the figures of every event in it, and the reporting
 * thread does not wait for a connection per event. The failures are logged as a {@link FailureStreakLog} streak.
 *
 * <p>Not thread-safe: the reporting thread alone calls it (the retries are handed to that thread too).
 */
final class PendingIntervalAdds implements IntervalSink {
    private static final Logger log = LoggerFactory.getLogger(PendingIntervalAdds.class);

    private record AdvisorRow(long intervalStart, String advisor) {}

    private record AdvisorTimes(long staffedMs, long handlingMs) {
        AdvisorTimes plus(AdvisorTimes more) {
            return new AdvisorTimes(staffedMs + more.staffedMs, handlingMs + more.handlingMs);
        }
    }

    private final IntervalSink store;
    private final FailureStreakLog failures;
    private final Map<IntervalKey, Map<Measure, Long>> contactRows = new LinkedHashMap<>();
    private final Map<AdvisorRow, AdvisorTimes> advisorRows = new LinkedHashMap<>();
    private boolean failing;

    PendingIntervalAdds(IntervalSink store, Clock clock) {
        this.store = store;
        this.failures = new FailureStreakLog(log, "writing interval records", clock, Duration.ofMinutes(1));
    }

    @Override
    public void add(IntervalKey key, Map<Measure, Long> amounts) {
        if (amounts.isEmpty()) {
            return;
        }
        Map<Measure, Long> row = contactRows.computeIfAbsent(key, k -> new EnumMap<>(Measure.class));
        amounts.forEach((measure, amount) -> row.merge(measure, amount, Long::sum));
        if (!failing) {
            retry();
        }
    }

    @Override
    public void addAdvisorTime(long intervalStart, String advisor, long staffedMs, long handlingMs) {
        advisorRows.merge(
                new AdvisorRow(intervalStart, advisor), new AdvisorTimes(staffedMs, handlingMs), AdvisorTimes::plus);
        if (!failing) {
            retry();
        }
    }

    /**
     * Writes the kept figures, oldest row first, until the database does not answer; what it did not take stays
     * kept. A row the database refuses for what it holds (not for being down) would be refused on every try: it is
     * logged with its figures and dropped, so that it does not hold up the others.
     */
    void retry() {
        if (contactRows.isEmpty() && advisorRows.isEmpty()) {
            return;
        }
        failures.run(() -> {
            failing = true;
            for (Iterator<Map.Entry<IntervalKey, Map<Measure, Long>>> rows =
                            contactRows.entrySet().iterator();
                    rows.hasNext(); ) {
                Map.Entry<IntervalKey, Map<Measure, Long>> row = rows.next();
                write(row, () -> store.add(row.getKey(), row.getValue()));
                rows.remove();
            }
            for (Iterator<Map.Entry<AdvisorRow, AdvisorTimes>> rows =
                            advisorRows.entrySet().iterator();
                    rows.hasNext(); ) {
                Map.Entry<AdvisorRow, AdvisorTimes> row = rows.next();
                write(
                        row,
                        () -> store.addAdvisorTime(
                                row.getKey().intervalStart(),
                                row.getKey().advisor(),
                                row.getValue().staffedMs(),
                                row.getValue().handlingMs()));
                rows.remove();
            }
            failing = false;
        });
    }

    /** Writes one row; throws when the database does not answer, logs and returns when it refuses the row. */
    private static void write(Map.Entry<?, ?> row, Runnable write) {
        try {
            write.run();
        } catch (DataAccessResourceFailureException
                | TransientDataAccessException
                | RecoverableDataAccessException down) {
            throw down;
        } catch (DataAccessException refused) {
            log.error(
                    "interval record {} {} refused by the database and dropped: {}",
                    row.getKey(),
                    row.getValue(),
                    refused.toString());
        }
    }

    /** How many interval rows have figures the database has not taken yet. */
    int keptRows() {
        return contactRows.size() + advisorRows.size();
    }
}
