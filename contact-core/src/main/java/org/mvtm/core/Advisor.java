package org.mvtm.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.AgentId;

/**
 * An advisor (agent) profile: skills with levels, region and how many interactions of each channel they
 * may hold at once (e.g. one video or voice call, up to three chats).
 */
public record Advisor(
        AgentId id, String displayName, Region region, Set<Skill> skills, Map<Channel, Integer> capacity) {
    public static final Map<Channel, Integer> DEFAULT_CAPACITY =
            Map.of(Channel.VIDEO, 1, Channel.VOICE, 1, Channel.CHAT, 3);

    public Advisor {
        Objects.requireNonNull(id, "advisor id");
        Objects.requireNonNull(region, "advisor region");
        skills = Set.copyOf(skills);
        long distinct = skills.stream().map(Skill::name).distinct().count();
        if (distinct != skills.size()) {
            throw new IllegalArgumentException("advisor " + id + " lists a skill twice: " + skills);
        }
        capacity = Map.copyOf(capacity == null ? DEFAULT_CAPACITY : capacity);
        capacity.forEach((channel, n) -> {
            if (n < 0 || n > 20) {
                throw new IllegalArgumentException(
                        "advisor " + id + " capacity for " + channel + " must be 0..20 but was " + n);
            }
        });
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName.strip();
    }

    public Optional<Skill> skill(String name) {
        return skills.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean speaks(Language language) {
        return skill(language.skillName()).isPresent();
    }
}
