package org.mvtm.recording.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.PayloadType;

/**
 * A recorded leg: id, directory under {@code legs/}, party and negotiated payload types; {@code ingestedType} is the
 * content type of a file ingested for this leg (media recorded elsewhere, e.g. by Kurento), null for RTP legs;
 * {@code kind} what it carries (a shared screen is a leg of its own). The manifest names the kind only when it is not
 * {@link LegKind#CALL}, so manifests written before screen sharing read back unchanged.
 */
public record LegEntry(String legId, String dir, String party, List<PayloadType> payloadTypes, String ingestedType,
                       LegKind kind) {
    public LegEntry {
        payloadTypes = List.copyOf(payloadTypes);
        kind = kind == null ? LegKind.CALL : kind;
    }

    public LegEntry(String legId, String dir, String party, List<PayloadType> payloadTypes, String ingestedType) {
        this(legId, dir, party, payloadTypes, ingestedType, LegKind.CALL);
    }

    public LegEntry(String legId, String dir, String party, List<PayloadType> payloadTypes) {
        this(legId, dir, party, payloadTypes, null);
    }

    public LegEntry withIngestedType(String type) {
        return new LegEntry(legId, dir, party, payloadTypes, type, kind);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("legId", legId);
        m.put("dir", dir);
        m.put("party", party);
        List<Object> pts = new ArrayList<>();
        for (PayloadType p : payloadTypes) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("pt", (long) p.number());
            pm.put("kind", p.kind().name());
            pm.put("encoding", p.encoding());
            pm.put("clockRate", (long) p.clockRate());
            pm.put("channels", (long) p.channels());
            pts.add(pm);
        }
        m.put("payloadTypes", pts);
        if (ingestedType != null) {
            m.put("ingestedType", ingestedType);
        }
        if (kind != LegKind.CALL) {
            m.put("kind", kind.name());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static LegEntry fromJson(Map<String, Object> m) {
        List<PayloadType> pts = new ArrayList<>();
        for (Object o : (List<Object>) m.get("payloadTypes")) {
            Map<String, Object> pm = (Map<String, Object>) o;
            pts.add(new PayloadType(((Long) pm.get("pt")).intValue(), MediaKind.valueOf((String) pm.get("kind")),
                    (String) pm.get("encoding"), ((Long) pm.get("clockRate")).intValue(),
                    ((Long) pm.get("channels")).intValue()));
        }
        return new LegEntry((String) m.get("legId"), (String) m.get("dir"), (String) m.get("party"), pts,
                (String) m.get("ingestedType"), m.get("kind") == null ? LegKind.CALL : LegKind.valueOf((String) m.get("kind")));
    }
}
