package org.mvtm.admin.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.VipTier;
import org.mvtm.core.Region;
import org.mvtm.core.id.Usernames;

/** Field checks shared by creating and updating users. */
final class UserRules {
    static final List<String> LANGUAGES = List.of("en", "zh-Hans", "zh-Hant");

    private UserRules() {}

    static String username(String raw) {
        return raw == null ? null : Usernames.normalized(raw);
    }

    static void checkUsername(Errors e, String username) {
        if (!Usernames.valid(username)) {
            e.add("username", "must be " + Usernames.RULE + " but was '" + username + "'");
        }
    }

    static Set<Role> roles(Errors e, Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
            e.add("roles", "at least one of ADVISOR, SUPERVISOR, COMPLIANCE, ADMIN, CUSTOMER");
            return Set.of();
        }
        Set<Role> r = EnumSet.copyOf(roles);
        if (r.contains(Role.CUSTOMER) && r.size() > 1) {
            e.add("roles", "a CUSTOMER login cannot hold staff roles too");
        }
        return r;
    }

    static Set<String> regions(Errors e, Set<String> regions) {
        if (regions == null || regions.isEmpty()) {
            e.add("regions", "at least one region, e.g. HK");
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String r : regions) {
            try {
                out.add(Region.of(r == null ? "" : r.strip()).code());
            } catch (IllegalArgumentException notARegion) {
                e.add("regions", "a region is 2 to 8 letters (HK, SZ, MO) but was '" + r + "'");
            }
        }
        return out;
    }

    static String language(Errors e, String language) {
        String l = language == null ? "en" : language.strip();
        if (!LANGUAGES.contains(l)) {
            e.add("language", "must be en, zh-Hans or zh-Hant but was '" + language + "'");
        }
        return l;
    }

    static String displayName(Errors e, String name, String username) {
        String n = name == null || name.isBlank() ? username : name.strip();
        if (n != null && n.length() > 200) {
            e.add("displayName", "must have at most 200 characters");
        }
        return n;
    }

    /** The tier of a user with these roles: only customers have one (STANDARD unless given); it must be defined. */
    static String tier(Errors e, Set<Role> roles, String tier, List<VipTier> tiers) {
        if (!roles.contains(Role.CUSTOMER)) {
            if (tier != null) {
                e.add("customerTier", "only CUSTOMER logins have a tier");
            }
            return null;
        }
        String t = tier == null ? "STANDARD" : tier;
        if (tiers.stream().noneMatch(k -> k.code().equals(t))) {
            e.add(
                    "customerTier",
                    "unknown VIP tier '" + t + "'; known tiers are "
                            + tiers.stream().map(VipTier::code).toList());
        }
        return t;
    }

    static Set<Role> union(Set<Role> a, Set<Role> b) {
        Set<Role> s = a.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }
}
