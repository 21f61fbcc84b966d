package org.mvtm.recording.access;

import java.util.Optional;
import org.mvtm.core.Region;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

/**
 * Who may do what. Reading recordings (search, describe, timeline, legs, replay, verify, export) and legal holds:
 * role COMPLIANCE. Requesting, approving (four eyes: not the requester) or withdrawing a deletion, setting retention
 * rules: COMPLIANCE or ADMIN. Always limited to the regions granted to the viewer. Reading the audit log:
 * COMPLIANCE or ADMIN, and only entries about regions granted ({@code AuditEntry.visibleTo}). A request must state a
 * purpose.
 */
public final class AccessPolicy {

    /** Why the viewer may not attempt {@code action} at all, or empty. */
    public Optional<String> roleDenial(Viewer v, AuditAction action) {
        if (v.purpose().isBlank()) {
            return Optional.of("a purpose must be stated for " + action);
        }
        return switch (action) {
            case READ_AUDIT -> v.has(Role.COMPLIANCE) || v.has(Role.ADMIN) ? Optional.empty()
                    : Optional.of("user " + v.userId() + " " + v.roles() + " lacks role COMPLIANCE or ADMIN");
            case DELETE, DELETE_REQUEST, DELETE_WITHDRAW, RETENTION_RULE ->
                    v.has(Role.COMPLIANCE) || v.has(Role.ADMIN) ? Optional.empty()
                    : Optional.of("user " + v.userId() + " " + v.roles() + " lacks role COMPLIANCE or ADMIN");
            default -> v.has(Role.COMPLIANCE) ? Optional.empty()
                    : Optional.of("user " + v.userId() + " " + v.roles() + " lacks role COMPLIANCE");
        };
    }

    /**
     * Why the viewer may not see data of {@code region}, or empty. For the audit log only: it names the region, so a
     * refusal shown to the viewer must not carry it (see {@link #refusal}).
     */
    public Optional<String> regionDenial(Viewer v, Region region) {
        return v.granted(region) ? Optional.empty()
                : Optional.of("user " + v.userId() + " is granted " + v.regions() + ", not region " + region);
    }

    /** What the viewer is told when a recording's region is not granted: the same whatever the region. */
    public String refusal(Viewer v, String recording) {
        return "user " + v.userId() + " may not see recording " + recording;
    }
}
