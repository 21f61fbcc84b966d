package org.mvtm.routing.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Interaction;
import org.mvtm.core.SkillRequirement;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RelaxationStep;

/** The skills a waiting customer needs: queue skills, the interaction's own skills and its language, then relaxed over time. */
public final class Requirements {

    /** Requirements in force after relaxation, with a short description of the step applied ("none" if none). */
    public record Effective(List<SkillRequirement> skills, String relaxation) {
    }

    private Requirements() {
    }

    /** Queue skills + interaction skills (the higher minimum wins) + the customer's language at the queue's level. */
    public static List<SkillRequirement> base(QueueConfig queue, Interaction interaction) {
        Map<String, Integer> min = new LinkedHashMap<>();
        String lang = interaction.language().skillName();
        min.put(lang, queue.languageMinLevel());
        for (SkillRequirement r : queue.requiredSkills()) {
            min.merge(r.skill(), r.minLevel(), Math::max);
        }
        for (SkillRequirement r : interaction.requiredSkills()) {
            min.merge(r.skill(), r.minLevel(), Math::max);
        }
        List<SkillRequirement> out = new ArrayList<>(min.size());
        min.forEach((skill, level) -> out.add(new SkillRequirement(skill, level)));
        return out;
    }

    public static Effective effective(QueueConfig queue, Interaction interaction, List<SkillRequirement> base, Duration waited) {
        RelaxationStep step = null;
        for (RelaxationStep s : queue.relaxation()) {
            if (waited.compareTo(s.after()) >= 0) {
                step = s;
            }
        }
        if (step == null) {
            return new Effective(base, "none");
        }
        if (step.languageOnly()) {
            return new Effective(List.of(new SkillRequirement(interaction.language().skillName(), 1)), step.describe());
        }
        List<SkillRequirement> relaxed = new ArrayList<>(base.size());
        for (SkillRequirement r : base) {
            relaxed.add(new SkillRequirement(r.skill(), Math.max(1, r.minLevel() - step.levelDrop())));
        }
        return new Effective(relaxed, step.describe());
    }
}
