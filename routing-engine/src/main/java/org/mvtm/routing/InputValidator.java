package org.mvtm.routing;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.mvtm.core.Advisor;
import org.mvtm.core.Interaction;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.QueueConfig;

/** Refuses bad input before it reaches the store, with messages that say what was wrong and what is accepted. */
final class InputValidator {
    private final Set<String> catalogue;

    InputValidator(Set<String> catalogue) {
        this.catalogue = new ConcurrentSkipListSet<>(catalogue);
    }

    /** Skills an administrator defined while the engine runs (custom skills, new products). */
    void addSkills(Collection<String> names) {
        names.forEach(n -> Skill.of(n, Skill.MIN_LEVEL));
        catalogue.addAll(names);
    }

    private void checkSkill(String skill, String where) {
        if (!catalogue.contains(skill)) {
            throw new IllegalArgumentException("unknown skill '" + skill + "' in " + where
                    + "; the skill catalogue (RoutingConfig.skillCatalogue) has " + catalogue);
        }
    }

    void queue(QueueConfig q) {
        for (SkillRequirement r : q.requiredSkills()) {
            checkSkill(r.skill(), "queue " + q.id());
        }
    }

    void advisor(Advisor a) {
        for (Skill s : a.skills()) {
            checkSkill(s.name(), "advisor " + a.id());
        }
    }

    QueueConfig interaction(Interaction ix, Map<QueueId, QueueConfig> queues) {
        QueueConfig q = queues.get(ix.queue());
        if (q == null) {
            throw unknownQueue(ix.queue(), queues.keySet());
        }
        checkSkill(ix.language().skillName(), "interaction " + ix.id() + " (its language)");
        for (SkillRequirement r : ix.requiredSkills()) {
            checkSkill(r.skill(), "interaction " + ix.id());
        }
        return q;
    }

    static IllegalArgumentException unknownQueue(QueueId id, Collection<QueueId> known) {
        return new IllegalArgumentException("unknown queue '" + id + "'; defined queues: " + new TreeSet<>(known.stream().map(QueueId::value).toList()));
    }
}
