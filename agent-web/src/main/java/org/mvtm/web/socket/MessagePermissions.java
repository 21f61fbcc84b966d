package org.mvtm.web.socket;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;

/**
 * Which roles may send each WebSocket message type on one endpoint: one explicit table. A type that is not in the
 * table is refused, as is a type the user's roles do not allow.
 */
public record MessagePermissions(String endpoint, Map<String, Set<WebRole>> allowed) {
    public MessagePermissions {
        allowed = Map.copyOf(allowed);
    }

    /** Why the user may not send the message, or empty if they may. */
    public Optional<String> refusal(WebUser user, String type) {
        Set<WebRole> roles = allowed.get(type);
        if (roles == null) {
            return Optional.of("unknown message type '" + type + "' on " + endpoint);
        }
        if (roles.stream().noneMatch(user::has)) {
            return Optional.of("message type '" + type + "' on " + endpoint + " needs one of roles " + roles);
        }
        return Optional.empty();
    }
}
