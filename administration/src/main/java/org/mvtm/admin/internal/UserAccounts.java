package org.mvtm.admin.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.PasswordPolicy;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.UserChange;
import org.mvtm.core.digest.Digests;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Changes to user accounts: create, update, delete, web and SIP passwords, and the first administrator (bootstrap
 * token). The last enabled administrator stays one; a SIP password differs from the web password.
 */
final class UserAccounts {
    private static final String SIP_DIFFERS = "must differ from the web password (svcrack must not find web logins)";

    private final UserRepository users;
    private final AdvisorRepository advisors;
    private final CatalogRepository catalog;
    private final Changes changes;
    private final Clock clock;
    private final String sipRealm;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(
            UserRepository users,
            AdvisorRepository advisors,
            CatalogRepository catalog,
            Changes changes,
            Clock clock,
            String sipRealm,
            PasswordPolicy policy,
            PasswordEncoder passwords) {
        this.users = users;
        this.advisors = advisors;
        this.catalog = catalog;
        this.changes = changes;
        this.clock = clock;
        this.sipRealm = sipRealm;
        this.policy = policy;
        this.passwords = passwords;
    }

    User create(String actor, UserChange c) {
        return changes.change(actor, "user", UserRules.username(c.username()), () -> insertUser(actor, c, Set.of()));
    }

    private User insertUser(String actor, UserChange c, Set<Role> extraRoles) {
        Errors e = new Errors();
        String username = UserRules.username(c.username());
        UserRules.checkUsername(e, username);
        if (!e.has("username") && users.exists(username)) {
            e.add("username", "user '" + username + "' exists already");
        }
        Set<Role> roles = c.roles() == null ? extraRoles : UserRules.union(c.roles(), extraRoles);
        roles = UserRules.roles(e, roles);
        Set<String> regions = UserRules.regions(e, c.regions());
        String language = UserRules.language(e, c.language());
        String name = UserRules.displayName(e, c.displayName(), username);
        String tier = UserRules.tier(e, roles, c.customerTier(), catalog.tiers());
        if (c.password() != null) {
            policy.violations(username, c.password()).forEach(m -> e.add("password", m));
        }
        e.throwIfAny();
        Instant now = clock.instant();
        User u = new User(
                username,
                name,
                roles,
                regions,
                language,
                c.enabled() == null || c.enabled(),
                c.password() != null,
                tier,
                now,
                now,
                false);
        users.insert(u, c.password() == null ? null : passwords.encode(c.password()));
        if (roles.contains(Role.ADVISOR)) {
            advisors.insert(username, regions.iterator().next(), 1, 1, 3);
        }
        changes.audit(now, actor, "create", "user", username, null, u);
        return u;
    }

    User update(String actor, String username, UserChange c) {
        String name = UserRules.username(username);
        return changes.change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            Errors e = new Errors();
            Set<Role> roles = UserRules.roles(e, c.roles() == null ? before.roles() : c.roles());
            Set<String> regions = UserRules.regions(e, c.regions() == null ? before.regions() : c.regions());
            String language = UserRules.language(e, c.language() == null ? before.language() : c.language());
            String display =
                    UserRules.displayName(e, c.displayName() == null ? before.displayName() : c.displayName(), name);
            boolean enabled = c.enabled() == null ? before.enabled() : c.enabled();
            String tier = UserRules.tier(
                    e,
                    roles,
                    c.customerTier() == null && roles.contains(Role.CUSTOMER)
                            ? before.customerTier()
                            : c.customerTier(),
                    catalog.tiers());
            if (before.roles().contains(Role.ADMIN)
                    && before.enabled()
                    && (!roles.contains(Role.ADMIN) || !enabled)
                    && users.countEnabledWithRole(Role.ADMIN, name) == 0) {
                e.add(roles.contains(Role.ADMIN) ? "enabled" : "roles", "the last enabled administrator must stay one");
            }
            e.throwIfAny();
            User after = new User(
                    name,
                    display,
                    roles,
                    regions,
                    language,
                    enabled,
                    before.hasPassword(),
                    tier,
                    before.createdAt(),
                    clock.instant(),
                    before.sipPhone());
            users.update(after);
            if (roles.contains(Role.ADVISOR)) {
                if (!advisors.stored(name)) {
                    advisors.insert(name, regions.iterator().next(), 1, 1, 3);
                } else {
                    advisors.find(name)
                            .filter(a -> !regions.contains(a.region()))
                            .ifPresent(a ->
                                    advisors.setRegion(name, regions.iterator().next()));
                }
            }
            changes.audit(after.updatedAt(), actor, "update", "user", name, before, after);
            return after;
        });
    }

    void delete(String actor, String username) {
        String name = UserRules.username(username);
        changes.change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (name.equals(actor)) {
                throw InvalidChange.of("username", "you cannot delete your own account");
            }
            if (before.roles().contains(Role.ADMIN) && users.countEnabledWithRole(Role.ADMIN, name) == 0) {
                throw InvalidChange.of("username", "the last enabled administrator cannot be deleted");
            }
            users.delete(name);
            changes.audit(actor, "delete", "user", name, before, null);
            return null;
        });
    }

    void resetPassword(String actor, String username, String newPassword) {
        String name = UserRules.username(username);
        changes.change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            List<String> weak = policy.violations(name, newPassword);
            if (!weak.isEmpty()) {
                throw new InvalidChange(
                        weak.stream().map(m -> new FieldError("password", m)).toList());
            }
            if (users.sipHa1(name, sipRealm)
                    .filter(h -> h.equals(Digests.sipHa1(name, sipRealm, newPassword)))
                    .isPresent()) {
                throw InvalidChange.of("password", "must differ from the SIP phone password");
            }
            Instant now = clock.instant();
            users.setPasswordHash(name, passwords.encode(newPassword), now);
            changes.audit(
                    now,
                    actor,
                    "password",
                    "user",
                    name,
                    null,
                    Map.of("username", name, "passwordReset", true, "hadPassword", before.hasPassword()));
            return null;
        });
    }

    void setSipPassword(String actor, String username, String sipPassword) {
        String name = UserRules.username(username);
        changes.change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (sipPassword != null
                    && !before.roles().contains(Role.ADVISOR)
                    && !before.roles().contains(Role.CUSTOMER)
                    && !before.roles().contains(Role.SUPERVISOR)) {
                throw InvalidChange.of(
                        "sipPassword",
                        "only advisors and supervisors (desk phones) and customers have" + " SIP credentials");
            }
            if (sipPassword == null) {
                users.setSip(name, null, null);
            } else {
                if (sipPassword.length() < 10
                        || sipPassword.length() > 128
                        || sipPassword.chars().noneMatch(Character::isLetter)
                        || sipPassword.chars().noneMatch(Character::isDigit)) {
                    throw InvalidChange.of("sipPassword", "must have 10 to 128 characters with a letter and a digit");
                }
                if (users.passwordHash(name)
                        .filter(h -> passwords.matches(sipPassword, h))
                        .isPresent()) {
                    throw InvalidChange.of("sipPassword", SIP_DIFFERS);
                }
                users.setSip(name, sipRealm, Digests.sipHa1(name, sipRealm, sipPassword));
            }
            changes.audit(
                    actor,
                    sipPassword == null ? "sip-remove" : "sip-set",
                    "user",
                    name,
                    Map.of("username", name, "sipPhone", before.sipPhone()),
                    Map.of("username", name, "sipPhone", sipPassword != null));
            return null;
        });
    }

    Optional<String> issueBootstrapToken(String chosen) {
        return changes.quietly(() -> {
            if (users.count() > 0) {
                return Optional.<String>empty();
            }
            String token = chosen;
            if (token == null || token.isBlank()) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            users.replaceBootstrapToken(passwords.encode(token), clock.instant());
            return Optional.of(token);
        });
    }

    User bootstrapAdmin(String token, UserChange admin) {
        return changes.change("bootstrap", "user", UserRules.username(admin.username()), () -> {
            if (users.count() > 0) {
                throw InvalidChange.of("token", "the system has users already: sign in as an administrator");
            }
            List<String> hashes = users.bootstrapTokenHashes();
            if (token == null || hashes.isEmpty() || !passwords.matches(token, hashes.getFirst())) {
                throw InvalidChange.of("token", "wrong or spent bootstrap token (see the server's first start log)");
            }
            if (admin.password() == null) {
                throw InvalidChange.of("password", "the first administrator needs a password");
            }
            User u = insertUser("bootstrap", admin, Set.of(Role.ADMIN));
            users.replaceBootstrapToken(null, null);
            return u;
        });
    }
}
