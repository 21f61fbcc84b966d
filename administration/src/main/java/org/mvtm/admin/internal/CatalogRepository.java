package org.mvtm.admin.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.VipTier;
import org.springframework.jdbc.core.JdbcTemplate;

/** The skill catalogue and the VIP tiers (tables skills, vip_tiers). */
final class CatalogRepository {
    private final JdbcTemplate jdbc;

    CatalogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Skill> skills() {
        return jdbc.query(
                "SELECT name, kind, label FROM skills ORDER BY kind, name",
                (rs, i) -> new Skill(rs.getString(1), Skill.Kind.valueOf(rs.getString(2)), rs.getString(3)));
    }

    /** The catalogue by skill name (what queue and advisor checks look skills up in). */
    Map<String, Skill> skillsByName() {
        return skills().stream().collect(Collectors.toMap(Skill::name, s -> s));
    }

    Optional<Skill> skill(String name) {
        return skills().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    void insertSkill(Skill s) {
        jdbc.update(
                "INSERT INTO skills (name, kind, label) VALUES (?, ?, ?)",
                s.name(),
                s.kind().name(),
                s.label());
    }

    void updateSkillLabel(Skill s) {
        jdbc.update("UPDATE skills SET label = ? WHERE name = ?", s.label(), s.name());
    }

    List<VipTier> tiers() {
        return jdbc.query(
                "SELECT code, label, tier_rank, routing_weight FROM vip_tiers ORDER BY tier_rank",
                (rs, i) -> new VipTier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4)));
    }

    Optional<VipTier> tier(String code) {
        return tiers().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    void upsertTier(VipTier t, boolean exists) {
        if (exists) {
            jdbc.update(
                    "UPDATE vip_tiers SET label = ?, tier_rank = ?, routing_weight = ? WHERE code = ?",
                    t.label(),
                    t.rank(),
                    t.routingWeight(),
                    t.code());
        } else {
            jdbc.update(
                    "INSERT INTO vip_tiers (code, label, tier_rank, routing_weight) VALUES (?, ?, ?, ?)",
                    t.code(),
                    t.label(),
                    t.rank(),
                    t.routingWeight());
        }
    }
}
