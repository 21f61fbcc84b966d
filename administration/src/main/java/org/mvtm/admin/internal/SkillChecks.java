package org.mvtm.admin.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.SkillLevel;

/** Skills with levels, as advisors hold them and queues ask for them: known to the catalogue, 1..10, each once. */
final class SkillChecks {
    private SkillChecks() {}

    static void levels(Errors e, String field, List<SkillLevel> skills, Map<String, Skill> catalogue) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            SkillLevel s = skills.get(i);
            String f = field + "[" + i + "]";
            if (s == null || s.skill() == null) {
                e.add(f + ".skill", "is required");
                continue;
            }
            if (!catalogue.containsKey(s.skill())) {
                e.add(
                        f + ".skill",
                        "unknown skill '" + s.skill() + "'; known skills are " + new TreeSet<>(catalogue.keySet()));
            } else if (!seen.add(s.skill())) {
                e.add(f + ".skill", "'" + s.skill() + "' is listed twice");
            }
            if (s.level() < 1 || s.level() > 10) {
                e.add(f + ".level", "must be 1 to 10 but was " + s.level());
            }
        }
    }
}
