package org.mvtm.admin.api;

import java.util.List;

/**
 * How an advisor is routed: region, skills with levels and how many interactions of each channel they hold at once
 * (e.g. 1 voice + 1 video + 3 chats). {@code sipPhone} says whether SIP credentials are set; the secret itself is
 * written with {@link AdministrationService#setSipPassword} and never read back.
 */
public record AdvisorProfile(
        String username,
        String displayName,
        String region,
        List<SkillLevel> skills,
        int voiceCapacity,
        int videoCapacity,
        int chatCapacity,
        boolean sipPhone,
        boolean enabled) {
    public AdvisorProfile {
        skills = List.copyOf(skills);
    }
}
