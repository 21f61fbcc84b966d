package org.mvtm.web.compliance;

import java.util.EnumSet;
import java.util.Set;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;

/** Turns a signed-in {@link WebUser} into the recording store's {@link Viewer} (roles and granted regions). */
final class Viewers {
    private Viewers() {
    }

    static Viewer of(WebUser user, String purpose) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (WebRole role : user.roles()) {
            switch (role) {
                case COMPLIANCE -> roles.add(Role.COMPLIANCE);
                case ADMIN -> roles.add(Role.ADMIN);
                case SUPERVISOR -> roles.add(Role.SUPERVISOR);
                case AGENT -> roles.add(Role.ADVISOR);
                case CUSTOMER -> { }
            }
        }
        String stated = purpose == null || purpose.isBlank() ? "compliance review" : purpose.strip();
        return new Viewer(user.username(), roles, user.regions(), stated.length() > 500 ? stated.substring(0, 500) : stated);
    }
}
