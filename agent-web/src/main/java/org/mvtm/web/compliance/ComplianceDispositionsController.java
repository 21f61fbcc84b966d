package org.mvtm.web.compliance;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Disposition;
import org.mvtm.core.Region;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.BadField;
import org.mvtm.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/compliance/dispositions}: the wrap-up codes and notes advisors recorded, kept with their interaction in
 * the system of record. An officer sees the dispositions of the regions they are granted, and states the purpose in
 * {@code X-Purpose} as for every compliance call (400 naming the header without one).
 */
@RestController
@RequestMapping("/api/compliance")
class ComplianceDispositionsController {
    private static final int MAX = 1000;
    private final AdministrationService admin;
    private final Clock clock;

    ComplianceDispositionsController(AdministrationService admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /**
     * Recorded from {@code from} to {@code to} (ISO instants; default the last 24 hours), oldest first, at most 1000;
     * only those with wrap-up code {@code code} and whose notes contain {@code text} (any case) when given.
     */
    @GetMapping("/dispositions")
    List<Disposition> between(Principal principal, @RequestHeader(value = Viewers.PURPOSE, required = false) String purpose,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String code, @RequestParam(required = false) String text) {
        WebUser user = CurrentUser.require(principal);
        Viewers.statedPurpose(purpose);
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(Duration.ofDays(1)));
        if (!start.isBefore(end)) {
            throw new BadField("from", "must be before to");
        }
        String words = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return admin.dispositions().between(start, end, MAX).stream()
                .filter(d -> visible(user, d))
                .filter(d -> code == null || code.isBlank() || d.code().equals(code.strip()))
                .filter(d -> words.isEmpty() || (d.notes() != null && d.notes().toLowerCase(Locale.ROOT).contains(words)))
                .toList();
    }

    @GetMapping("/interactions/{id}/disposition")
    ResponseEntity<?> of(Principal principal, @RequestHeader(value = Viewers.PURPOSE, required = false) String purpose,
                         @PathVariable String id) {
        WebUser user = CurrentUser.require(principal);
        Viewers.statedPurpose(purpose);
        return admin.dispositions().of(id).filter(d -> visible(user, d)).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("message", "no disposition recorded for interaction " + id)));
    }

    private static boolean visible(WebUser user, Disposition d) {
        try {
            return user.maySee(Region.of(d.region()));
        } catch (IllegalArgumentException unknownRegion) {
            return false;
        }
    }

    /** The ISO instant {@code value} of the parameter {@code field}, or {@code otherwise} when it is not given. */
    private static Instant instant(String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadField(field, "must be an ISO instant such as 2026-03-02T01:00:00Z but was '" + value + "'");
        }
    }
}
