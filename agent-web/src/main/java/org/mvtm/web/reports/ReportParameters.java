package org.mvtm.web.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mvtm.core.Region;
import org.mvtm.reporting.api.ReportDimension;
import org.mvtm.reporting.api.ReportQuery;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.BadField;
import org.springframework.security.access.AccessDeniedException;

/**
 * Reads a report request: {@code from} and {@code to} as days ({@code 2026-03-02}, UTC; {@code to} includes its day)
 * or instants ({@code 2026-03-02T08:00:00Z}, {@code to} excluded), at most {@value #MAX_DAYS} days apart; {@code by}
 * queue, channel or advisor; an optional {@code queue} that must exist; an optional {@code region} the user is
 * granted (else the user's regions). Every refusal names its field.
 */
final class ReportParameters {
    static final int MAX_DAYS = 92;

    private ReportParameters() {
    }

    static ReportQuery read(String from, String to, String by, String queue, String region, List<String> knownQueues,
                            WebUser user) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (!start.isBefore(end)) {
            throw new BadField("to", "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new BadField("to", "a report covers at most " + MAX_DAYS + " days; narrow 'from' and 'to'");
        }
        ReportDimension dimension = dimension(by);
        Optional<String> q = Optional.ofNullable(queue).map(String::strip).filter(s -> !s.isEmpty());
        if (q.isPresent() && !knownQueues.contains(q.get())) {
            throw new BadField("queue", "unknown queue '" + q.get() + "'; known queues: " + String.join(", ", knownQueues));
        }
        return new ReportQuery(start, end, dimension, q, regions(region, user));
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            throw new BadField(field, "'" + field + "' is required: a day (2026-03-02) or an instant (2026-03-02T08:00:00Z)");
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadField(field, "'" + field + "' must be a day (2026-03-02) or an instant"
                    + " (2026-03-02T08:00:00Z) but was '" + v + "'");
        }
    }

    private static ReportDimension dimension(String by) {
        if (by == null || by.isBlank()) {
            return ReportDimension.QUEUE;
        }
        try {
            return ReportDimension.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadField("by", "'by' must be queue, channel or advisor but was '" + by.strip() + "'");
        }
    }

    private static Set<String> regions(String region, WebUser user) {
        Set<String> granted = user.regions().stream().map(Region::code).collect(Collectors.toSet());
        if (region == null || region.isBlank()) {
            return granted;
        }
        Region r;
        try {
            r = Region.of(region.strip());
        } catch (IllegalArgumentException e) {
            throw new BadField("region", e.getMessage());
        }
        if (!user.maySee(r)) {
            throw new AccessDeniedException("region " + r.code() + " is not one of yours (" + String.join(", ", granted) + ")");
        }
        return Set.of(r.code());
    }
}
