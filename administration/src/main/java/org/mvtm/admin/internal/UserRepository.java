package org.mvtm.admin.internal;

import static org.mvtm.admin.internal.Timestamps.at;
import static org.mvtm.admin.internal.Timestamps.time;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.User;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users, their roles and regions (tables users, user_roles, user_regions). */
final class UserRepository extends KeyedRepository<User> {
    UserRepository(JdbcTemplate jdbc) {
        super(jdbc);
    }

    boolean exists(String username) {
        return count("SELECT COUNT(*) FROM users WHERE username = ?", username) > 0;
    }

    long count() {
        return count("SELECT COUNT(*) FROM users");
    }

    /** Enabled users holding {@code role}, except {@code except}. */
    long countEnabledWithRole(Role role, String except) {
        return count(
                "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.username = u.username "
                        + "WHERE u.enabled = TRUE AND r.role = ? AND u.username <> ?",
                role.name(),
                except);
    }

    void insert(User u, String passwordHash) {
        jdbc.update(
                "INSERT INTO users (username, display_name, ui_language, enabled, password_hash, customer_tier, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                u.username(),
                u.displayName(),
                u.language(),
                u.enabled(),
                passwordHash,
                u.customerTier(),
                time(u.createdAt()),
                time(u.updatedAt()));
        writeRolesAndRegions(u);
    }

    void update(User u) {
        jdbc.update(
                "UPDATE users SET display_name = ?, ui_language = ?, enabled = ?, customer_tier = ?, updated_at = ? "
                        + "WHERE username = ?",
                u.displayName(),
                u.language(),
                u.enabled(),
                u.customerTier(),
                time(u.updatedAt()),
                u.username());
        jdbc.update("DELETE FROM user_roles WHERE username = ?", u.username());
        jdbc.update("DELETE FROM user_regions WHERE username = ?", u.username());
        writeRolesAndRegions(u);
    }

    void delete(String username) {
        jdbc.update("DELETE FROM users WHERE username = ?", username);
    }

    void setPasswordHash(String username, String hash, Instant at) {
        jdbc.update("UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?", hash, time(at), username);
    }

    Optional<String> passwordHash(String username) {
        return jdbc
                .query(
                        "SELECT password_hash FROM users WHERE username = ? AND enabled = TRUE",
                        (rs, i) -> rs.getString(1),
                        username)
                .stream()
                .filter(h -> h != null)
                .findFirst();
    }

    /** The stored password hash of each enabled user with a local password, by username. */
    Map<String, String> passwordHashes() {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query(
                "SELECT username, password_hash FROM users WHERE enabled = TRUE AND password_hash IS NOT NULL", rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    void setSip(String username, String realm, String ha1) {
        jdbc.update("UPDATE users SET sip_realm = ?, sip_ha1 = ? WHERE username = ?", realm, ha1, username);
    }

    /** The HA1 of an enabled advisor's, supervisor's (desk phones) or customer's SIP credentials in {@code realm}. */
    Optional<String> sipHa1(String username, String realm) {
        return jdbc
                .query(
                        "SELECT u.sip_ha1 FROM users u WHERE u.username = ? AND u.sip_realm = ? AND u.sip_ha1 IS NOT NULL "
                                + "AND u.enabled = TRUE AND EXISTS (SELECT 1 FROM user_roles r WHERE r.username = u.username "
                                + "AND r.role IN ('ADVISOR', 'SUPERVISOR', 'CUSTOMER'))",
                        (rs, i) -> rs.getString(1),
                        username,
                        realm)
                .stream()
                .findFirst();
    }

    private void writeRolesAndRegions(User u) {
        for (Role r : new TreeSet<>(u.roles())) {
            jdbc.update("INSERT INTO user_roles (username, role) VALUES (?, ?)", u.username(), r.name());
        }
        for (String region : new TreeSet<>(u.regions())) {
            jdbc.update("INSERT INTO user_regions (username, region) VALUES (?, ?)", u.username(), region);
        }
    }

    @Override
    List<User> load(Selection only) {
        String where = only.where("username");
        Object[] args = only.args();
        Map<String, Set<Role>> roles = ChildRows.byOwner(
                jdbc,
                "SELECT username, role FROM user_roles" + where,
                () -> EnumSet.noneOf(Role.class),
                (rs, i) -> Role.valueOf(rs.getString(2)),
                args);
        Map<String, Set<String>> regions = ChildRows.byOwner(
                jdbc,
                "SELECT username, region FROM user_regions" + where,
                TreeSet::new,
                (rs, i) -> rs.getString(2),
                args);
        return jdbc.query(
                "SELECT username, display_name, ui_language, enabled, password_hash IS NOT NULL, customer_tier, "
                        + "created_at, updated_at, sip_ha1 IS NOT NULL FROM users" + where + " ORDER BY username",
                (rs, i) -> {
                    String name = rs.getString(1);
                    return new User(
                            name,
                            rs.getString(2),
                            roles.getOrDefault(name, Set.of()),
                            regions.getOrDefault(name, Set.of()),
                            rs.getString(3),
                            rs.getBoolean(4),
                            rs.getBoolean(5),
                            rs.getString(6),
                            at(rs, 7),
                            at(rs, 8),
                            rs.getBoolean(9));
                },
                args);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The one-time token of an empty database (table bootstrap_token): replaced by {@code hash}, or spent (null). */
    void replaceBootstrapToken(String hash, Instant at) {
        jdbc.update("DELETE FROM bootstrap_token");
        if (hash != null) {
            jdbc.update("INSERT INTO bootstrap_token (id, token_hash, created_at) VALUES (1, ?, ?)", hash, time(at));
        }
    }

    List<String> bootstrapTokenHashes() {
        return jdbc.query("SELECT token_hash FROM bootstrap_token", (rs, i) -> rs.getString(1));
    }
}
