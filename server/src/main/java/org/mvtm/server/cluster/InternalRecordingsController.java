package org.mvtm.server.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.Viewer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's recordings as the other nodes of the cluster read them for a compliance officer signed in there: search,
 * describe, timeline, legs, media, verify (of the whole, or of this node's part of a recording continued across nodes)
 * and export, and for a recording continued across nodes this node's part of a legal hold or a deletion step. Only callers presenting the cluster secret are served; the
 * officer named in the body is checked (role, region) and audited by this node's store like one of its own users.
 */
@RestController
@RequestMapping("/internal/recordings")
class InternalRecordingsController {
    private final RecordingStore store;
    private final ClusterSettings settings;
    private final JsonMapper json;

    InternalRecordingsController(@Qualifier("recordingStore") RecordingStore store, ClusterSettings settings,
                                 JsonMapper json) {
        this.store = store;
        this.settings = settings;
        this.json = json;
    }

    @PostMapping("/search")
    ResponseEntity<Object> search(@RequestHeader(name = InternalMediaController.SECRET_HEADER, required = false) String secret,
                                  @RequestBody JsonNode body) {
        if (!settings.admits(secret)) {
            return refused();
        }
        return ResponseEntity.ok(store.search(viewer(body), json.treeToValue(body.path("query"), RecordingQuery.class)));
    }

    @PostMapping("/{id}/{op}")
    ResponseEntity<Object> read(@RequestHeader(name = InternalMediaController.SECRET_HEADER, required = false) String secret,
                                @PathVariable String id, @PathVariable String op, @RequestBody JsonNode body) {
        if (!settings.admits(secret)) {
            return refused();
        }
        Viewer viewer = viewer(body);
        RecordingId recording = RecordingId.of(id);
        return switch (op) {
            case "describe" -> ResponseEntity.ok(store.describe(viewer, recording));
            case "timeline" -> ResponseEntity.ok(store.timeline(viewer, recording));
            case "timeline-json" -> ResponseEntity.ok(store.timelineJson(viewer, recording));
            case "legs" -> ResponseEntity.ok(store.legs(viewer, recording));
            case "verify" -> ResponseEntity.ok(store.verify(viewer, recording));
            case "part" -> ResponseEntity.ok(store.verifyPart(viewer, recording));
            case "hold" -> {
                store.legalHold(viewer, recording, body.path("hold").asBoolean(), body.path("reason").asString(""));
                yield ResponseEntity.ok(true);
            }
            case "request-deletion" -> ResponseEntity.ok(store.requestDeletion(viewer, recording,
                    body.path("reason").asString("")));
            case "withdraw-deletion" -> {
                store.withdrawDeletion(viewer, recording, body.path("reason").asString(""));
                yield ResponseEntity.ok(true);
            }
            case "approve-deletion" -> {
                store.approveDeletion(viewer, recording, body.path("reason").asString(""));
                yield ResponseEntity.ok(true);
            }
            case "export" -> {
                ExportPackage pkg = store.exportPackage(viewer, recording, body.path("reason").asString(""));
                yield ResponseEntity.ok().header("X-Sha256", pkg.sha256()).body(readAll(pkg.path()));
            }
            default -> ResponseEntity.status(HttpStatus.NOT_FOUND).body("no operation " + op);
        };
    }

    @PostMapping("/{id}/media/{leg}")
    ResponseEntity<Object> media(@RequestHeader(name = InternalMediaController.SECRET_HEADER, required = false) String secret,
                                 @PathVariable String id, @PathVariable String leg, @RequestBody JsonNode body) throws IOException {
        if (!settings.admits(secret)) {
            return refused();
        }
        MediaFile file = store.media(viewer(body), RecordingId.of(id), leg);
        try (InputStream in = file.size() == 0 ? InputStream.nullInputStream() : file.openRange(0, file.size() - 1)) {
            return ResponseEntity.ok().header("Content-Type", file.contentType())
                    .header("X-Duration-Millis", Long.toString(file.duration().toMillis())).body(in.readAllBytes());
        }
    }

    private Viewer viewer(JsonNode body) {
        return json.treeToValue(body.path("viewer"), Viewer.class);
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read export " + path + ": " + e.getMessage(), e);
        }
    }

    private static ResponseEntity<Object> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("cluster secret required");
    }

    /** The store's refusals go back with the status {@link RecordingRefusal} gives each and the store's message. */
    @ExceptionHandler({AccessDeniedException.class, LegalHoldException.class, DeletionNotRequestedException.class,
            IllegalArgumentException.class, RecordingNotFoundException.class})
    ResponseEntity<String> storeRefused(RuntimeException e) {
        return ResponseEntity.status(RecordingRefusal.of(e).status()).body(e.getMessage());
    }
}
