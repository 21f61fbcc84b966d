package org.mvtm.recording.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.json.Json;

/** Timeline entries as JSON: one object per segment record, and the {@code timeline.json} document. */
public final class TimelineCodec {
    private TimelineCodec() {
    }

    public static Map<String, Object> toJson(TimelineEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("kind", e.kind().name());
        m.put("actor", e.actor());
        m.put("text", e.text());
        m.put("attributes", new LinkedHashMap<String, Object>(e.attributes()));
        return m;
    }

    public static byte[] encode(TimelineEntry e) {
        return Json.write(toJson(e)).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static TimelineEntry decode(byte[] b, int off, int len) {
        Map<String, Object> m = Json.parseObject(new String(b, off, len, StandardCharsets.UTF_8));
        Map<String, String> attrs = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("attributes", Map.of())).forEach((k, v) -> attrs.put(k, String.valueOf(v)));
        return new TimelineEntry(Instant.parse((String) m.get("at")), TimelineEntry.Kind.valueOf((String) m.get("kind")),
                (String) m.get("actor"), (String) m.get("text"), attrs);
    }

    public static String document(String recordingId, Map<String, Object> metadata, List<TimelineEntry> entries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("recordingId", recordingId);
        doc.put("metadata", metadata);
        List<Object> l = new ArrayList<>();
        entries.forEach(e -> l.add(toJson(e)));
        doc.put("entries", l);
        return Json.pretty(doc);
    }
}
