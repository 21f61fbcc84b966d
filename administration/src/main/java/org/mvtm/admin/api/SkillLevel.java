package org.mvtm.admin.api;

/** A skill held (advisor) or asked for (queue) at a level from 1 to 10. */
public record SkillLevel(String skill, int level) {}
