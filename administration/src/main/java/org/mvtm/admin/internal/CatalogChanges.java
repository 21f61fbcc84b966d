package org.mvtm.admin.internal;

import java.util.Optional;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.VipTier;

/** Changes to the skill catalogue and the VIP tiers. */
record CatalogChanges(CatalogRepository catalog, Changes changes) {
    Skill defineSkill(String actor, Skill s) {
        return changes.change(actor, "skill", s.name(), () -> {
            Optional<Skill> before =
                    catalog.skill(s.name() == null ? "" : s.name().strip());
            Skill after = CatalogRules.skill(s, before);
            if (before.isPresent()) {
                catalog.updateSkillLabel(after);
            } else {
                catalog.insertSkill(after);
            }
            changes.audit(
                    actor, before.isPresent() ? "update" : "create", "skill", after.name(), before.orElse(null), after);
            return after;
        });
    }

    VipTier saveVipTier(String actor, VipTier t) {
        return changes.change(actor, "vip-tier", t.code(), () -> {
            Optional<VipTier> before = t.code() == null ? Optional.empty() : catalog.tier(t.code());
            VipTier after = CatalogRules.tier(t, before, catalog.tiers());
            catalog.upsertTier(after, before.isPresent());
            changes.audit(
                    actor, before.isPresent() ? "update" : "create", "vip-tier", t.code(), before.orElse(null), after);
            return after;
        });
    }
}
