package org.mvtm.web.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpSession;

/**
 * {@code /api/compliance/**}: search, describe, timeline, replay (HTTP Range), verify, export with a reason and the
 * audit trail, on top of the recording store. The store enforces role and region and audits every call; the
 * officer's stated purpose travels in the {@code X-Purpose} header (an export's reason is a separate field).
 *
 * <p>The web tier checks the region of every recording it serves too (a misconfigured store must not leak a
 * region). It learns the region from one audited DESCRIBE per recording and session and remembers it in the
 * session, so opening a recording (describe, legs, timeline, each leg's media) writes one DESCRIBE, not one per request.
 */
@RestController
@RequestMapping("/api/compliance")
class ComplianceController {
    private static final String PURPOSE = "X-Purpose";
    private static final String SCOPED = ComplianceController.class.getName() + ".regions";
    private final RecordingStore store;

    ComplianceController(RecordingStore store) {
        this.store = store;
    }

    @GetMapping("/recordings")
    List<RecordingSummary> search(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                                  @RequestParam Map<String, String> p) {
        WebUser user = CurrentUser.require(principal);
        RecordingQuery.Builder q = RecordingQuery.builder()
                .customer(p.get("customer")).advisor(p.get("advisor")).queue(p.get("queue")).text(p.get("text"));
        if (has(p, "region")) {
            Region region = Region.of(p.get("region"));
            if (!user.maySee(region)) {
                throw new org.mvtm.recording.api.AccessDeniedException(user.username() + " is not granted region " + region);
            }
            q.region(region);
        }
        if (has(p, "channel")) {
            q.channel(Channel.valueOf(p.get("channel").toUpperCase(java.util.Locale.ROOT)));
        }
        if (has(p, "language")) {
            q.language(Language.fromTag(p.get("language")));
        }
        if (has(p, "from")) {
            q.from(Instant.parse(p.get("from")));
        }
        if (has(p, "to")) {
            q.to(Instant.parse(p.get("to")));
        }
        if (has(p, "minSeconds")) {
            q.minDuration(Duration.ofSeconds(Long.parseLong(p.get("minSeconds"))));
        }
        if (has(p, "limit")) {
            q.limit(Integer.parseInt(p.get("limit")));
        }
        // the store scopes by region too; the web tier checks again so a misconfigured store cannot leak a region
        return store.search(Viewers.of(user, purpose), q.build()).stream()
                .filter(r -> user.maySee(r.metadata().region())).toList();
    }

    @GetMapping("/recordings/{id}")
    RecordingSummary describe(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                              @PathVariable String id, HttpSession session) {
        return described(principal, purpose, id, session);
    }

    @GetMapping("/recordings/{id}/timeline")
    List<TimelineEntry> timeline(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                                 @PathVariable String id, HttpSession session) {
        scoped(principal, purpose, id, session);
        return store.timeline(viewer(principal, purpose), RecordingId.of(id));
    }

    @GetMapping("/recordings/{id}/legs")
    List<LegInfo> legs(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                       @PathVariable String id, HttpSession session) {
        scoped(principal, purpose, id, session);
        return store.legs(viewer(principal, purpose), RecordingId.of(id));
    }

    /** One leg as a playable file; Spring answers {@code Range} requests with 206 and {@code Content-Range}. */
    @GetMapping("/recordings/{id}/media/{legId}")
    ResponseEntity<Resource> media(Principal principal, @RequestParam(value = "purpose", required = false) String purpose,
                                   @PathVariable String id, @PathVariable String legId, HttpSession session) {
        scoped(principal, purpose, id, session);
        MediaFile file = store.media(viewer(principal, purpose), RecordingId.of(id), legId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(new FileSystemResource(file.path()));
    }

    @PostMapping("/recordings/{id}/verify")
    VerificationResult verify(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                              @PathVariable String id, HttpSession session) {
        scoped(principal, purpose, id, session);
        return store.verify(viewer(principal, purpose), RecordingId.of(id));
    }

    public record ExportRequest(String reason) {
    }

    @PostMapping("/recordings/{id}/export")
    ResponseEntity<byte[]> export(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                                  @PathVariable String id, @RequestBody ExportRequest request, HttpSession session) {
        if (request == null || request.reason() == null || request.reason().strip().length() < 5) {
            throw new IllegalArgumentException("state the reason for the export (at least 5 characters)");
        }
        // audited with the officer's stated purpose and, beside it, the reason for this export
        Viewer viewer = viewer(principal, purpose);
        scoped(principal, purpose, id, session);
        ExportPackage pkg = store.exportPackage(viewer, RecordingId.of(id), request.reason().strip());
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename("recording-" + id + ".zip").build().toString())
                    .header("X-Package-SHA256", pkg.sha256())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(Files.readAllBytes(pkg.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read export package of " + id, e);
        }
    }

    @GetMapping("/audit")
    List<AuditEntry> audit(Principal principal, @RequestHeader(value = PURPOSE, required = false) String purpose,
                           @RequestParam(value = "recording", required = false) String recording,
                           @RequestParam(value = "user", required = false) String user,
                           @RequestParam(value = "limit", defaultValue = "200") int limit) {
        AuditQuery query = new AuditQuery(java.util.Optional.ofNullable(blankToNull(recording)),
                java.util.Optional.ofNullable(blankToNull(user)), java.util.Optional.empty(), java.util.Optional.empty(),
                Math.max(1, Math.min(limit, 10_000)));
        return store.audit(viewer(principal, purpose), query);
    }

    /** The recording's summary (one audited DESCRIBE), refused (403) unless its region is granted to the user. */
    private RecordingSummary described(Principal principal, String purpose, String id, HttpSession session) {
        WebUser user = CurrentUser.require(principal);
        RecordingSummary summary = store.describe(Viewers.of(user, purpose), RecordingId.of(id));
        requireGranted(user, summary.metadata().region(), id);
        regions(session).put(id, summary.metadata().region());
        return summary;
    }

    /** Refuses (403) a recording whose region is not granted to the user; describes it once per session. */
    private void scoped(Principal principal, String purpose, String id, HttpSession session) {
        Region known = regions(session).get(id);
        if (known == null) {
            described(principal, purpose, id, session);
        } else {
            requireGranted(CurrentUser.require(principal), known, id);
        }
    }

    private static void requireGranted(WebUser user, Region region, String id) {
        if (!user.maySee(region)) {
            throw new org.mvtm.recording.api.AccessDeniedException(user.username() + " is not granted region "
                    + region.code() + " of recording " + id);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Region> regions(HttpSession session) {
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            Object map = session.getAttribute(SCOPED);
            if (map == null) {
                map = new java.util.concurrent.ConcurrentHashMap<String, Region>();
                session.setAttribute(SCOPED, map);
            }
            return (Map<String, Region>) map;
        }
    }

    private static Viewer viewer(Principal principal, String purpose) {
        return Viewers.of(CurrentUser.require(principal), purpose);
    }

    private static boolean has(Map<String, String> p, String key) {
        return p.get(key) != null && !p.get(key).isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
