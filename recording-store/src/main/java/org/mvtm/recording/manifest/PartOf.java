package org.mvtm.recording.manifest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which part of a recording a manifest holds. Part 1 is the recording as it started; a later part is the same
 * recording continued on another node after the node recording it died: its chain starts from the earlier part's
 * chain head after {@code previousSegments} segments, as the earlier node last published it, instead of zeros, so the
 * later part's signed chain commits to the earlier one. Kept in the signed manifest as {@code partOf} (absent for part
 * 1, so manifests written before continuation existed read and verify as they were).
 *
 * @param previousNode the node that recorded the earlier part, as the continuing node knew it
 */
public record PartOf(int part, String previousNode, int previousSegments, String previousChainHead) {
    public static final PartOf FIRST = new PartOf(1, "", 0, HashChain.GENESIS);

    public PartOf {
        if (part < 1) {
            throw new IllegalArgumentException("part must be at least 1 but was " + part);
        }
    }

    String chainStart() {
        return part == 1 ? HashChain.GENESIS : previousChainHead;
    }

    Optional<Map<String, Object>> toJson() {
        if (part == 1) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("part", (long) part);
        m.put("previousNode", previousNode);
        m.put("previousSegments", (long) previousSegments);
        m.put("previousChainHead", previousChainHead);
        return Optional.of(m);
    }

    static PartOf fromJson(Map<String, Object> m) {
        if (m == null) {
            return FIRST;
        }
        return new PartOf(((Long) m.get("part")).intValue(), (String) m.get("previousNode"),
                ((Long) m.get("previousSegments")).intValue(), (String) m.get("previousChainHead"));
    }
}
