package org.mvtm.admin.api;

import java.time.Instant;
import java.util.Set;

/**
 * A person who can sign in (password hashes are never part of it).
 *
 * @param language     preferred UI language: {@code en}, {@code zh-Hans} or {@code zh-Hant}
 * @param hasPassword  a local password is set (false: sign-in only through the bank's identity provider)
 * @param customerTier the VIP tier code of a CUSTOMER (null for staff)
 * @param sipPhone     SIP credentials are set (advisors' desk phones, customers' SIP identities)
 */
public record User(
        String username,
        String displayName,
        Set<Role> roles,
        Set<String> regions,
        String language,
        boolean enabled,
        boolean hasPassword,
        String customerTier,
        Instant createdAt,
        Instant updatedAt,
        boolean sipPhone) {
    public User {
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
    }
}
