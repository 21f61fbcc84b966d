package org.mvtm.admin.api;

import java.util.List;
import java.util.Map;

/**
 * What a node derives from the system of record, read in one snapshot of the database: a change committed meanwhile
 * is in it whole or not at all (a user just created is there with every role saved with them, or not there yet), and
 * the lists agree with one another (an advisor's profile has its user).
 *
 * @param passwordHashes the stored password hash ({@code {bcrypt}...}) of each enabled user with a local password, by
 *     username
 */
public record AdministrationSnapshot(
        List<Skill> skills,
        List<Queue> queues,
        List<VipTier> vipTiers,
        List<AdvisorProfile> advisors,
        List<User> users,
        Map<String, String> passwordHashes) {
    public AdministrationSnapshot {
        skills = List.copyOf(skills);
        queues = List.copyOf(queues);
        vipTiers = List.copyOf(vipTiers);
        advisors = List.copyOf(advisors);
        users = List.copyOf(users);
        passwordHashes = Map.copyOf(passwordHashes);
    }
}
