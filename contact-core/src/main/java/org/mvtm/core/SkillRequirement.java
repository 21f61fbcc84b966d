package org.mvtm.core;

/** An interaction needs an advisor holding {@code skill} at {@code minLevel} or above. */
public record SkillRequirement(String skill, int minLevel) {
    public SkillRequirement {
        Skill.checkName(skill);
        Skill.checkLevel(skill, minLevel);
    }

    public static SkillRequirement of(String skill, int minLevel) {
        return new SkillRequirement(skill, minLevel);
    }
}
