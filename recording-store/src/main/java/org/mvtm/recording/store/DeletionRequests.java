package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.json.Json;

/**
 * The pending deletion request of a recording ({@code deletion.json} beside its manifest), the first half of the
 * four-eyes deletion: it names who asked, so that the store can refuse an approval by the same person.
 */
final class DeletionRequests {
    static final String FILE = "deletion.json";

    private DeletionRequests() {
    }

    static Optional<DeletionRequest> read(Path dir, RecordingId id) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
            return Optional.of(new DeletionRequest(id, (String) m.get("by"), (String) m.get("reason"),
                    Instant.parse((String) m.get("at"))));
        } catch (IOException | RuntimeException e) {
            throw new RecordingStoreException("the deletion request of " + id + " in " + f + " is unreadable: " + e, e);
        }
    }

    static void write(Path dir, DeletionRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", request.requestedBy());
        m.put("reason", request.reason());
        m.put("at", request.at().toString());
        try {
            AtomicFiles.write(dir.resolve(FILE), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RecordingStoreException("cannot write the deletion request of " + request.recording() + ": "
                    + e.getMessage(), e);
        }
    }

    static void remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new RecordingStoreException("cannot withdraw the deletion request in " + dir + ": " + e.getMessage(), e);
        }
    }
}
