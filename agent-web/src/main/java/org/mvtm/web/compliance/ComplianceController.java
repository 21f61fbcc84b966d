package org.mvtm.web.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/**
 * {@code /api/compliance/**}: search, describe, timeline, replay (HTTP Range), verify, export with a reason and the
 * audit trail, on top of the recording store. The store enforces role and region and audits every call as the action
 * attempted (a refused timeline is audited as TIMELINE, a refused region search as SEARCH); the officer's stated
 * purpose travels in the {@code X-Purpose} header ({@link StatedPurposeViewer}) and is required (400 naming the header
 * without it; a media URL, which a {@code <video>} element loads without headers, carries it as {@code ?purpose=}). An
 * export's reason is a separate field. Legal hold, deletion and retention rules: {@link RecordingDisposalController}.
 */
@RestController
@RequestMapping("/api/compliance")
class ComplianceController {
    private final RecordingStore store;

    ComplianceController(RecordingStore store) {
        this.store = store;
    }

    @GetMapping("/recordings")
    List<RecordingSummary> search(Viewer viewer, Principal principal, @RequestParam Map<String, String> p) {
        WebUser user = CurrentUser.require(principal);
        RecordingQuery.Builder q = RecordingQuery.builder()
                .customer(p.get("customer")).advisor(p.get("advisor")).queue(p.get("queue")).text(p.get("text"));
        if (has(p, "region")) {
            q.region(Region.of(p.get("region"))); // a region not granted is refused (and audited) by the store
        }
        if (has(p, "channel")) {
            q.channel(Channel.valueOf(p.get("channel").toUpperCase(Locale.ROOT)));
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
        // the store scopes by region; the web tier filters again so a misconfigured store cannot leak a region
        return store.search(viewer, q.build()).stream().filter(r -> user.maySee(r.metadata().region())).toList();
    }

    @GetMapping("/recordings/{id}")
    RecordingSummary describe(Viewer viewer, @PathVariable String id) {
        return store.describe(viewer, RecordingId.of(id));
    }

    @GetMapping("/recordings/{id}/timeline")
    List<TimelineEntry> timeline(Viewer viewer, @PathVariable String id) {
        return store.timeline(viewer, RecordingId.of(id));
    }

    @GetMapping("/recordings/{id}/legs")
    List<LegInfo> legs(Viewer viewer, @PathVariable String id) {
        return store.legs(viewer, RecordingId.of(id));
    }

    /** One leg as a playable file; Spring answers {@code Range} requests with 206 and {@code Content-Range}. */
    @GetMapping("/recordings/{id}/media/{legId}")
    ResponseEntity<Resource> media(Principal principal, @RequestParam(value = "purpose", required = false) String purpose,
                                   @RequestHeader(value = Viewers.PURPOSE, required = false) String headerPurpose,
                                   @PathVariable String id, @PathVariable String legId) {
        Viewer viewer = Viewers.of(CurrentUser.require(principal), purpose != null ? purpose : headerPurpose);
        MediaFile file = store.media(viewer, RecordingId.of(id), legId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(new FileSystemResource(file.path()));
    }

    @PostMapping("/recordings/{id}/verify")
    VerificationResult verify(Viewer viewer, @PathVariable String id) {
        return store.verify(viewer, RecordingId.of(id));
    }

    public record ExportRequest(String reason) {
    }

    @PostMapping("/recordings/{id}/export")
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable String id, @RequestBody ExportRequest request) {
        // audited with the officer's stated purpose and, beside it, the reason for this export
        String reason = RequiredText.required("reason", request == null ? null : request.reason(), 5,
                "the reason for the export");
        ExportPackage pkg = store.exportPackage(viewer, RecordingId.of(id), reason);
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

    /** The audit trail, limited by the store to entries about the reader's regions. */
    @GetMapping("/audit")
    List<AuditEntry> audit(Viewer viewer, @RequestParam(value = "recording", required = false) String recording,
                           @RequestParam(value = "user", required = false) String user,
                           @RequestParam(value = "limit", defaultValue = "200") int limit) {
        AuditQuery query = new AuditQuery(Optional.ofNullable(blankToNull(recording)),
                Optional.ofNullable(blankToNull(user)), Optional.empty(), Optional.empty(),
                Math.max(1, Math.min(limit, 10_000)));
        return store.audit(viewer, query);
    }

    private static boolean has(Map<String, String> p, String key) {
        return p.get(key) != null && !p.get(key).isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
