package org.mvtm.web.reports;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mvtm.core.Region;
import org.mvtm.reporting.api.IntervalReports;
import org.mvtm.reporting.api.IntervalRow;
import org.mvtm.reporting.api.ReportDimension;
import org.mvtm.reporting.api.ReportQuery;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisors' interval reports (JSON and CSV, the same rows) and the wallboard's live numbers, scoped to the
 * supervisor's regions.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsController.class);
    private final ObjectProvider<IntervalReports> stored;
    private final RoutingEngine routing;
    private final Clock clock;

    /** The interval records are optional: a web tier without them answers 503 on the report endpoints. */
    ReportsController(ObjectProvider<IntervalReports> stored, RoutingEngine routing,
                      Clock clock) {
        this.stored = stored;
        this.routing = routing;
        this.clock = clock;
    }

    private IntervalReports reports() {
        IntervalReports r = stored.getIfAvailable();
        if (r == null) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "interval reporting is not configured");
        }
        return r;
    }

    record Report(long intervalMinutes, Instant from, Instant to, String by, List<IntervalRow> rows) {
    }

    record QueueBoard(String queue, String name, int waiting, long longestWaitSeconds, double serviceLevelTarget,
                      long answerWithinSeconds, Optional<IntervalRow> today) {
    }

    /**
     * {@code todayUnavailable}: why today's figures are missing (an error code the page words: the database does not
     * answer, or this server keeps no interval records); the live numbers are there all the same.
     */
    record Wallboard(Instant at, List<QueueBoard> queues, Optional<String> todayUnavailable) {
    }

    /** Today's figures per queue, or why there are none. */
    private record TodaySoFar(Map<String, IntervalRow> byQueue, Optional<String> unavailable) {
        static TodaySoFar missing(String why) {
            return new TodaySoFar(Map.of(), Optional.of(why));
        }
    }

    @GetMapping("/intervals")
    Report intervals(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String by, @RequestParam(required = false) String queue,
                     @RequestParam(required = false) String region, Principal principal) {
        ReportQuery q = query(from, to, by, queue, region, principal);
        return new Report(reports().intervalLength().toMinutes(), q.from(), q.to(), q.by().name().toLowerCase(),
                reports().intervals(q));
    }

    @GetMapping("/intervals.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String by, @RequestParam(required = false) String queue,
                               @RequestParam(required = false) String region, Principal principal) {
        ReportQuery q = query(from, to, by, queue, region, principal);
        String name = "intervals-" + q.by().name().toLowerCase() + q.queue().map(s -> "-" + s).orElse("")
                + "-" + q.from().toString().substring(0, 10) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ReportCsv.of(reports().intervals(q)));
    }

    /**
     * Each queue now (waiting, longest wait) with today's figures so far (UTC day), for a wall screen. The live numbers
     * come from routing, not the database: while the database does not answer (or without interval records) the
     * wall screen still shows who waits, and says why today's figures are missing.
     */
    @GetMapping("/wallboard")
    Wallboard wallboard(Principal principal) {
        WebUser user = CurrentUser.require(principal);
        Instant now = clock.instant();
        Instant day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        ReportQuery today = new ReportQuery(day, day.plus(Duration.ofDays(1)), ReportDimension.QUEUE,
                Optional.empty(), user.regions().stream().map(Region::code).collect(Collectors.toSet()));
        Map<String, QueueStats> live = routing.queueStats().stream()
                .collect(Collectors.toMap(s -> s.queue().value(), s -> s));
        TodaySoFar totals = todaySoFar(today);
        List<QueueBoard> boards = routing.queues().stream().map(c -> board(c, live.get(c.id().value()),
                totals.byQueue().get(c.id().value()))).toList();
        return new Wallboard(now, boards, totals.unavailable());
    }

    private TodaySoFar todaySoFar(ReportQuery today) {
        IntervalReports r = stored.getIfAvailable();
        if (r == null) {
            return TodaySoFar.missing("REPORTING_NOT_CONFIGURED");
        }
        try {
            return new TodaySoFar(r.totals(today).stream().collect(Collectors.toMap(IntervalRow::key, row -> row)),
                    Optional.empty());
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
            // the reporting module logs the outage once; a wall screen asks every 5 seconds
            LOG.debug("the wallboard shows no figures of today: {}", e.toString());
            return TodaySoFar.missing("DATABASE_UNAVAILABLE");
        }
    }

    private static QueueBoard board(QueueConfig c, QueueStats s, IntervalRow today) {
        return new QueueBoard(c.id().value(), c.displayName(), s == null ? 0 : s.waiting(),
                s == null ? 0 : s.longestWait().toSeconds(), c.sla().fraction(), c.sla().threshold().toSeconds(),
                Optional.ofNullable(today));
    }

    private ReportQuery query(String from, String to, String by, String queue, String region, Principal principal) {
        List<String> known = routing.queues().stream().map(c -> c.id().value()).sorted().toList();
        return ReportParameters.read(from, to, by, queue, region, known, CurrentUser.require(principal));
    }
}
