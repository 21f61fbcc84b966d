package org.mvtm.recording.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mvtm.core.id.RecordingId;

/**
 * Verifies a recording made of parts ({@link RecordingPart}): every part from 1 to the last must be there and pass its
 * own store's check, and each later part's chain must start from the chain head it claims of the part before it,
 * found at the position it claims. Segments the earlier part holds after that point (written just before its node
 * died, or adopted by that node's recovery when it started again) are named, not hidden. A part no reachable node
 * holds is reported as not checked: the result is never ok while a part is missing.
 */
public final class RecordingParts {
    private static final String GENESIS = "0".repeat(64);

    private RecordingParts() {
    }

    /**
     * @param found       the parts the reachable nodes hold (at most one per part number is used)
     * @param unreachable what could not be asked (node and why), named when a part is missing
     */
    public static VerificationResult verify(RecordingId id, List<RecordingPart> found, List<String> unreachable,
                                            Instant now) {
        Map<Integer, RecordingPart> parts = new TreeMap<>();
        found.stream().sorted(Comparator.comparingInt(RecordingPart::part)).forEach(p -> parts.putIfAbsent(p.part(), p));
        if (parts.isEmpty()) {
            throw new RecordingNotFoundException("recording " + id + " has no part on any reachable node");
        }
        int last = ((TreeMap<Integer, RecordingPart>) parts).lastKey();
        if (last == 1) {
            return parts.get(1).verification(); // a recording never continued elsewhere: its store's own check
        }
        List<String> notes = new ArrayList<>();
        int checked = 0;
        for (int n = 1; n <= last; n++) {
            RecordingPart p = parts.get(n);
            if (p == null) {
                RecordingPart next = parts.get(n + 1);
                String where = next != null && next.part() == n + 1 && !next.continuedFrom().isEmpty()
                        ? " (recorded on node " + next.continuedFrom() + ")" : "";
                return VerificationResult.failed(id, checked, null, null, "part " + n + where + " could not be"
                        + " checked: no reachable node holds it" + (unreachable.isEmpty() ? ""
                        : " (" + String.join("; ", unreachable) + ")") + summary(notes), now);
            }
            VerificationResult own = p.verification();
            if (!own.ok()) {
                return new VerificationResult(id, false, checked + own.segmentsChecked(), own.badLeg(),
                        own.badSegment(), p.name() + ": " + own.reason() + summary(notes), now);
            }
            checked += own.segmentsChecked();
            if (n > 1) {
                Optional<String> broken = link(parts.get(n - 1), p, notes);
                if (broken.isPresent()) {
                    return VerificationResult.failed(id, checked, null, null, broken.get() + summary(notes), now);
                }
            } else if (p.continues().isPresent()) {
                return VerificationResult.failed(id, checked, null, null, p.name() + " says it continues part "
                        + p.continues().get().part() + ", yet it is numbered 1" + summary(notes), now);
            }
            notes.add(p.name() + ": " + own.segmentsChecked() + " segments ok");
        }
        return new VerificationResult(id, true, checked, Optional.empty(), Optional.empty(),
                (last == 1 ? "ok" : "ok: " + last + " parts") + summary(notes), now);
    }

    /** Whether {@code later}'s chain starts where the part before it was when the call moved. */
    private static Optional<String> link(RecordingPart earlier, RecordingPart later, List<String> notes) {
        if (later.continues().isEmpty() || later.continues().get().part() != earlier.part()) {
            return Optional.of(later.name() + " does not say it continues " + earlier.name());
        }
        ChainPoint claim = later.continues().get();
        if (!claim.recording().equals(earlier.recording())) {
            return Optional.of(later.name() + " continues recording " + claim.recording() + ", not "
                    + earlier.recording());
        }
        int at = claim.segments();
        List<String> chain = earlier.chain();
        if (chain.size() < at) {
            return Optional.of(later.name() + " continues " + earlier.name() + " after segment " + at
                    + " with chain head " + claim.chainHead() + ", but " + earlier.name() + " holds only "
                    + chain.size() + " segments (chain head " + head(chain) + ")");
        }
        String actual = at == 0 ? GENESIS : chain.get(at - 1);
        if (!actual.equals(claim.chainHead())) {
            return Optional.of(later.name() + " continues " + earlier.name() + " after segment " + at
                    + " with chain head " + claim.chainHead() + ", but " + earlier.name() + "'s chain there is "
                    + actual + ": the parts do not belong together or one was altered");
        }
        notes.add(later.name() + " continues " + earlier.name() + "'s chain after segment " + at + " (head "
                + claim.chainHead().substring(0, 16) + "...)" + (chain.size() > at ? "; " + earlier.name()
                + " holds " + (chain.size() - at) + " segments after that point, written after the last chain"
                + " head it published or recovered when its node started again" : ""));
        return Optional.empty();
    }

    private static String head(List<String> chain) {
        return chain.isEmpty() ? GENESIS : chain.get(chain.size() - 1);
    }

    private static String summary(List<String> notes) {
        return notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]";
    }
}
