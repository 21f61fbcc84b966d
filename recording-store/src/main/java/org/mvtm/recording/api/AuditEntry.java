package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.Region;

/**
 * One append-only audit line. {@code hash} = SHA-256 over {@code previousHash} and this entry's fields.
 *
 * @param recording recording concerned, if any
 * @param detail    purpose, query, reason or the error message
 * @param regions   the regions whose data the entry is about (the recording's region, the regions a search covered);
 *                  only readers granted all of them see the entry, entries about no region only an ADMIN
 */
public record AuditEntry(long sequence, Instant at, String userId, AuditAction action, Optional<String> recording,
                         Outcome outcome, String detail, Set<Region> regions, String previousHash, String hash) {
    public enum Outcome { ALLOWED, DENIED, FAILED }

    public AuditEntry {
        regions = Set.copyOf(regions);
    }

    /** Whether {@code reader} may see this entry: granted every region it concerns (ADMIN: also region-less ones). */
    public boolean visibleTo(Viewer reader) {
        return regions.isEmpty() ? reader.has(Role.ADMIN) : reader.regions().containsAll(regions);
    }
}
