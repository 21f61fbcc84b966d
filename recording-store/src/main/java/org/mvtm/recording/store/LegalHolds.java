package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.json.Json;

/** A recording's legal hold state ({@code hold.json} beside its manifest): who placed or lifted it, when and why. */
final class LegalHolds {
    static final String FILE = "hold.json";

    private LegalHolds() {
    }

    static boolean onHold(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(Json.parseObject(Files.readString(f)).get("hold"));
        } catch (IOException | RuntimeException e) {
            return true; // unreadable hold state: err on the side of keeping the recording
        }
    }

    static void write(Path dir, boolean hold, String reason, String by, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hold", hold);
        m.put("reason", reason);
        m.put("by", by);
        m.put("at", at.toString());
        try {
            AtomicFiles.write(dir.resolve(FILE), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RecordingStoreException("cannot write legal hold of " + dir + ": " + e.getMessage(), e);
        }
    }
}
