package org.mvtm.web.compliance;

import java.util.EnumSet;
import java.util.Set;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;

/**
 * Turns a signed-in {@link WebUser} into the recording store's {@link Viewer} (roles and granted regions) with the
 * purpose they stated in {@code X-Purpose}: there is no default purpose, a request without one is refused (400).
 */
final class Viewers {
    static final String PURPOSE = "X-Purpose";

    private Viewers() {
    }

    static Viewer of(WebUser user, String purpose) {
        return new Viewer(user.username(), roles(user), user.regions(), statedPurpose(purpose));
    }

    /** The purpose the officer stated, stripped; a 400 naming {@code X-Purpose} when it is missing or too short. */
    static String statedPurpose(String purpose) {
        return RequiredText.required(PURPOSE, purpose, 3, "the purpose of this request (case or complaint reference) "
                + "in the " + PURPOSE + " header");
    }

    /** The user's roles as the recording store knows them. */
    static Set<Role> roles(WebUser user) {
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
        return roles;
    }
}
