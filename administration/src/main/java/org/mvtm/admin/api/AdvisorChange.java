package org.mvtm.admin.api;

import java.util.List;

/** The routing profile an administrator writes for an advisor; null capacities keep 1 voice, 1 video, 3 chats. */
public record AdvisorChange(
        String region, List<SkillLevel> skills, Integer voiceCapacity, Integer videoCapacity, Integer chatCapacity) {}
