package org.mvtm.admin.internal;

import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.SkillLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Advisors' routing profiles and SIP credentials (tables advisors, advisor_skills). A profile belongs to a user with
 * the ADVISOR role; profiles of users who lost the role stay stored but are not listed.
 */
final class AdvisorRepository extends KeyedRepository<AdvisorProfile> {
    private static final String SELECT =
            "SELECT a.username, u.display_name, a.region, a.voice_capacity, a.video_capacity, "
                    + "a.chat_capacity, u.sip_ha1 IS NOT NULL, u.enabled FROM advisors a JOIN users u ON u.username = a.username "
                    + "WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.username = a.username AND r.role = 'ADVISOR')";

    AdvisorRepository(JdbcTemplate jdbc) {
        super(jdbc);
    }

    boolean stored(String username) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM advisors WHERE username = ?", Long.class, username);
        return n != null && n > 0;
    }

    void insert(String username, String region, int voice, int video, int chat) {
        jdbc.update(
                "INSERT INTO advisors (username, region, voice_capacity, video_capacity, chat_capacity) VALUES (?, ?, ?, ?, ?)",
                username,
                region,
                voice,
                video,
                chat);
    }

    void update(String username, String region, List<SkillLevel> skills, int voice, int video, int chat) {
        jdbc.update(
                "UPDATE advisors SET region = ?, voice_capacity = ?, video_capacity = ?, chat_capacity = ? WHERE username = ?",
                region,
                voice,
                video,
                chat,
                username);
        jdbc.update("DELETE FROM advisor_skills WHERE username = ?", username);
        for (SkillLevel s : skills) {
            jdbc.update(
                    "INSERT INTO advisor_skills (username, skill, level) VALUES (?, ?, ?)",
                    username,
                    s.skill(),
                    s.level());
        }
    }

    void setRegion(String username, String region) {
        jdbc.update("UPDATE advisors SET region = ? WHERE username = ?", region, username);
    }

    /** Usernames of advisors holding {@code skill}. */
    List<String> holding(String skill) {
        return jdbc.query(
                "SELECT username FROM advisor_skills WHERE skill = ? ORDER BY username",
                (rs, i) -> rs.getString(1),
                skill);
    }

    @Override
    List<AdvisorProfile> load(Selection only) {
        Map<String, List<SkillLevel>> skills = ChildRows.skillLevels(
                jdbc,
                "SELECT username, skill, level FROM advisor_skills" + only.where("username")
                        + " ORDER BY username, skill",
                only.args());
        return jdbc.query(
                SELECT + only.and("a.username") + " ORDER BY a.username",
                (rs, i) -> new AdvisorProfile(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        skills.getOrDefault(rs.getString(1), List.of()),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8)),
                only.args());
    }
}
