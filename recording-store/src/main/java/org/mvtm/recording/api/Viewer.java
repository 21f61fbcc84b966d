package org.mvtm.recording.api;

import java.util.Objects;
import java.util.Set;
import org.mvtm.core.Region;

/**
 * The person asking, as authenticated by the caller (agent-web), and why.
 *
 * @param userId  authenticated user id
 * @param roles   the user's roles
 * @param regions regions the user is granted
 * @param purpose stated purpose of this request (e.g. "complaint 2026-114"), written to the audit log
 */
public record Viewer(String userId, Set<Role> roles, Set<Region> regions, String purpose) {
    public Viewer {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("viewer userId must not be blank");
        }
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        purpose = purpose == null ? "" : purpose;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean granted(Region region) {
        return regions.contains(Objects.requireNonNull(region));
    }
}
