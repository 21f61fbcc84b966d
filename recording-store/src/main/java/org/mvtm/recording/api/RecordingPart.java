package org.mvtm.recording.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.id.RecordingId;

/**
 * One part of a recording as the store holding it sees it: a recording continued on another node after its media node
 * died has two (or more) parts with the same id, each on the disk of the node that recorded it, each encrypted under
 * that node's data key and signed with that node's key. The part's own chain is checked by its store
 * ({@code verification}); whether it links to the part before it is for {@link RecordingParts#verify}, which sees
 * them all.
 *
 * @param part         1 for the part the recording started with
 * @param continues    for a later part: the point of the part before it that this part's chain starts from
 * @param continuedFrom the node that recorded the part before it, as the continuing node knew it
 * @param chain        the chain link of every segment of this part, in order
 * @param heldBy       the node holding this part (empty until the cluster view names it)
 */
public record RecordingPart(RecordingId recording, int part, RecordingState state, Optional<ChainPoint> continues,
                            String continuedFrom, List<String> chain, VerificationResult verification, String heldBy) {
    public RecordingPart {
        Objects.requireNonNull(recording, "recording");
        continues = continues == null ? Optional.empty() : continues;
        continuedFrom = continuedFrom == null ? "" : continuedFrom;
        chain = List.copyOf(chain);
        heldBy = heldBy == null ? "" : heldBy;
    }

    /** The same part, held by {@code node}. */
    public RecordingPart heldBy(String node) {
        return new RecordingPart(recording, part, state, continues, continuedFrom, chain, verification, node);
    }

    String name() {
        return "part " + part + (heldBy.isEmpty() ? "" : " (node " + heldBy + ")");
    }
}
