package org.mvtm.reporting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mvtm.reporting.api.IntervalRow;
import org.mvtm.reporting.api.ReportDimension;
import org.mvtm.reporting.api.ReportQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The interval records in the {@code reporting} schema: figures are added to a row (created on first use), and read
 * back summed over whatever the query leaves open. Several nodes may add to one row: an add is a single
 * {@code update ... set x = x + ?}, and a lost race to create the row is retried as an update.
 */
final class JdbcIntervalStore implements IntervalSink {
    private static final String SUMS =
            Arrays.stream(Measure.values()).map(m -> "sum(" + m.column + ")").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    JdbcIntervalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(IntervalKey key, Map<Measure, Long> amounts) {
        if (amounts.isEmpty()) {
            return;
        }
        String set = amounts.keySet().stream()
                .map(m -> m.column + " = " + m.column + " + ?")
                .collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(amounts.values());
        args.addAll(List.of(key.start(), key.queue(), key.channel(), key.region(), key.advisor()));
        String update = "update reporting.contact_interval set " + set
                + " where interval_start = ? and queue_id = ? and channel = ? and region = ? and advisor = ?";
        if (jdbc.update(update, args.toArray()) > 0) {
            return;
        }
        String columns = amounts.keySet().stream().map(m -> m.column).collect(Collectors.joining(", "));
        String marks = amounts.keySet().stream().map(m -> "?").collect(Collectors.joining(", "));
        List<Object> insert =
                new ArrayList<>(List.of(key.start(), key.queue(), key.channel(), key.region(), key.advisor()));
        insert.addAll(amounts.values());
        try {
            jdbc.update(
                    "insert into reporting.contact_interval (interval_start, queue_id, channel, region, advisor, "
                            + columns + ") values (?, ?, ?, ?, ?, " + marks + ")",
                    insert.toArray());
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, args.toArray());
        }
    }

    @Override
    public void addAdvisorTime(long intervalStart, String advisor, long staffedMs, long handlingMs) {
        String update =
                "update reporting.advisor_interval set staffed_ms = staffed_ms + ?, handling_ms = handling_ms + ?"
                        + " where interval_start = ? and advisor = ?";
        if (jdbc.update(update, staffedMs, handlingMs, intervalStart, advisor) > 0) {
            return;
        }
        try {
            jdbc.update(
                    "insert into reporting.advisor_interval (interval_start, advisor, staffed_ms, handling_ms)"
                            + " values (?, ?, ?, ?)",
                    intervalStart,
                    advisor,
                    staffedMs,
                    handlingMs);
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, staffedMs, handlingMs, intervalStart, advisor);
        }
    }

    /** Rows per interval and key ({@code perInterval}) or per key over the whole range. */
    List<IntervalRow> read(ReportQuery q, long fromStart, boolean perInterval) {
        String key = switch (q.by()) {
            case QUEUE -> "queue_id";
            case CHANNEL -> "channel";
            case ADVISOR -> "advisor";
        };
        StringBuilder where = new StringBuilder(" where interval_start >= ? and interval_start < ?");
        List<Object> args = new ArrayList<>(List.of(fromStart, q.to().toEpochMilli()));
        q.queue().ifPresent(v -> {
            where.append(" and queue_id = ?");
            args.add(v);
        });
        inRegions(q, where, args);
        if (q.by() == ReportDimension.ADVISOR) {
            where.append(" and advisor <> ''");
        }
        String start = perInterval ? "interval_start" : "min(interval_start)";
        String group = perInterval ? "interval_start, " + key : key;
        Map<RowId, long[]> sums = new TreeMap<>();
        jdbc.query(
                "select " + start + ", " + key + ", " + SUMS + " from reporting.contact_interval" + where + " group by "
                        + group,
                rs -> {
                    long[] v = new long[Measure.values().length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(3 + i);
                    }
                    sums.put(new RowId(perInterval ? rs.getLong(1) : fromStart, rs.getString(2)), v);
                },
                args.toArray());
        Map<RowId, long[]> time = q.by() == ReportDimension.ADVISOR ? advisorTime(fromStart, q, perInterval) : Map.of();
        time.keySet().forEach(id -> sums.computeIfAbsent(id, k -> new long[Measure.values().length]));
        List<IntervalRow> rows = new ArrayList<>();
        sums.forEach((id, v) -> rows.add(RowFigures.row(Instant.ofEpochMilli(id.start()), id.key(), v, time.get(id))));
        return rows;
    }

    private Map<RowId, long[]> advisorTime(long fromStart, ReportQuery q, boolean perInterval) {
        Map<RowId, long[]> time = new TreeMap<>();
        String start = perInterval ? "interval_start" : "min(interval_start)";
        String group = perInterval ? "interval_start, advisor" : "advisor";
        StringBuilder where = new StringBuilder(" where interval_start >= ? and interval_start < ?");
        List<Object> args = new ArrayList<>(List.of(fromStart, q.to().toEpochMilli()));
        if (q.queue().isPresent() || !q.regions().isEmpty()) {
            // the advisor's time is not per queue: show it for the advisors who handled this queue's (region's)
            // contacts
            where.append(" and advisor in (select advisor from reporting.contact_interval where interval_start >= ?"
                    + " and interval_start < ?");
            args.addAll(List.of(fromStart, q.to().toEpochMilli()));
            q.queue().ifPresent(v -> {
                where.append(" and queue_id = ?");
                args.add(v);
            });
            inRegions(q, where, args);
            where.append(")");
        }
        jdbc.query(
                "select " + start + ", advisor, sum(staffed_ms), sum(handling_ms) from reporting.advisor_interval"
                        + where + " group by " + group,
                rs -> {
                    time.put(
                            new RowId(perInterval ? rs.getLong(1) : fromStart, rs.getString(2)),
                            new long[] {rs.getLong(3), rs.getLong(4)});
                },
                args.toArray());
        return time;
    }

    private static void inRegions(ReportQuery q, StringBuilder where, List<Object> args) {
        if (!q.regions().isEmpty()) {
            where.append(" and region in (")
                    .append(String.join(", ", Collections.nCopies(q.regions().size(), "?")))
                    .append(")");
            args.addAll(q.regions());
        }
    }

    private record RowId(long start, String key) implements Comparable<RowId> {
        @Override
        public int compareTo(RowId o) {
            int c = Long.compare(start, o.start);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }
}
