package org.mvtm.recording.access;

import java.util.Optional;
import org.mvtm.core.Region;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

/**
 * Who may do what. Reading recordings (search, describe, timeline, legs, replay, verify, export) and legal holds:
 * role COMPLIANCE. Deleting: role ADMIN. Always limited to the regions granted to the viewer. Reading the audit log:
 * COMPLIANCE or ADMIN. A request must state a purpose.
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
            case DELETE -> v.has(Role.ADMIN) ? Optional.empty()
                    : Optional.of("user " + v.userId() + " " + v.roles() + " lacks role ADMIN");
            default -> v.has(Role.COMPLIANCE) ? Optional.empty()
                    : Optional.of("user " + v.userId() + " " + v.roles() + " lacks role COMPLIANCE");
        };
    }

    /** Why the viewer may not see data of {@code region}, or empty. */
    public Optional<String> regionDenial(Viewer v, Region region) {
        return v.granted(region) ? Optional.empty()
                : Optional.of("user " + v.userId() + " is granted " + v.regions() + ", not region " + region);
    }
}
