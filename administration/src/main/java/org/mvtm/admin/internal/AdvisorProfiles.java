package org.mvtm.admin.internal;

import java.util.Locale;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.User;

/** Changes to an advisor's routing profile: region, skills and capacities per channel. */
record AdvisorProfiles(UserRepository users, AdvisorRepository advisors, CatalogRepository catalog, Changes changes) {
    AdvisorProfile update(String actor, String username, AdvisorChange c) {
        String name = UserRules.username(username);
        return changes.change(actor, "advisor", name, () -> {
            User user = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (!user.roles().contains(Role.ADVISOR)) {
                throw InvalidChange.of("username", "user '" + name + "' does not hold the ADVISOR role");
            }
            AdvisorProfile before = advisors.find(name).orElseThrow(() -> new NotFound("advisor", name));
            Errors e = new Errors();
            String region =
                    c.region() == null ? before.region() : c.region().strip().toUpperCase(Locale.ROOT);
            if (!user.regions().contains(region)) {
                e.add(
                        "region",
                        "must be one of the user's regions " + user.regions() + " but was '" + c.region() + "'");
            }
            var skills = c.skills() == null ? before.skills() : c.skills();
            SkillChecks.levels(e, "skills", skills, catalog.skillsByName());
            int voice = capacity(e, "voiceCapacity", c.voiceCapacity(), before.voiceCapacity());
            int video = capacity(e, "videoCapacity", c.videoCapacity(), before.videoCapacity());
            int chat = capacity(e, "chatCapacity", c.chatCapacity(), before.chatCapacity());
            e.throwIfAny();
            advisors.update(name, region, skills, voice, video, chat);
            AdvisorProfile after = advisors.find(name).orElseThrow();
            changes.audit(actor, "update", "advisor", name, before, after);
            return after;
        });
    }

    private static int capacity(Errors e, String field, Integer value, int keep) {
        int v = value == null ? keep : value;
        if (v < 0 || v > 20) {
            e.add(field, "must be 0 to 20 but was " + v);
        }
        return v;
    }
}
