package org.mvtm.admin.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.SkillLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/** Queues with their skills, relaxation steps, opening hours, holidays and codes (tables queues, queue_*). */
final class QueueRepository extends KeyedRepository<Queue> {
    QueueRepository(JdbcTemplate jdbc) {
        super(jdbc);
    }

    /** Ids of queues asking for {@code skill} (as product or further skill). */
    List<String> asking(String skill) {
        return jdbc.query(
                "SELECT id FROM queues WHERE product = ? UNION SELECT queue_id FROM queue_skills WHERE skill = ?",
                (rs, i) -> rs.getString(1),
                skill,
                skill);
    }

    /** The columns of {@code queues} besides {@code id}, in the order of {@link #columnValues}. */
    private static final List<String> COLUMNS = List.of(
            "name_en",
            "name_zh_hans",
            "name_zh_hant",
            "product",
            "product_min_level",
            "language_min_level",
            "sla_fraction",
            "sla_seconds",
            "aging_tier_weight",
            "aging_weight",
            "time_zone",
            "outside_hours",
            "wrap_up_required");

    private static final String INSERT = "INSERT INTO queues (id, " + String.join(", ", COLUMNS) + ") VALUES (?"
            + ", ?".repeat(COLUMNS.size()) + ")";

    private static final String UPDATE = "UPDATE queues SET " + String.join(" = ?, ", COLUMNS) + " = ? WHERE id = ?";

    private static List<Object> columnValues(Queue q) {
        return Arrays.asList(
                q.names().get("en"),
                q.names().get("zh-Hans"),
                q.names().get("zh-Hant"),
                q.product(),
                q.productMinLevel(),
                q.languageMinLevel(),
                q.slaFraction(),
                q.slaSeconds(),
                q.agingTierWeight(),
                q.agingWeight(),
                q.timeZone(),
                q.outsideHours().name(),
                Boolean.TRUE.equals(q.wrapUpRequired()));
    }

    /** Writes a complete, validated queue (every optional field filled in). */
    void insert(Queue q) {
        List<Object> args = new ArrayList<>();
        args.add(q.id());
        args.addAll(columnValues(q));
        jdbc.update(INSERT, args.toArray());
        writeChildren(q);
    }

    void update(Queue q) {
        List<Object> args = new ArrayList<>(columnValues(q));
        args.add(q.id());
        jdbc.update(UPDATE, args.toArray());
        for (String table :
                List.of("queue_skills", "queue_relaxation", "queue_hours", "queue_holidays", "queue_codes")) {
            jdbc.update("DELETE FROM " + table + " WHERE queue_id = ?", q.id());
        }
        writeChildren(q);
    }

    void delete(String id) {
        jdbc.update("DELETE FROM queues WHERE id = ?", id);
    }

    private void writeChildren(Queue q) {
        for (SkillLevel s : q.skills()) {
            jdbc.update(
                    "INSERT INTO queue_skills (queue_id, skill, min_level) VALUES (?, ?, ?)",
                    q.id(),
                    s.skill(),
                    s.level());
        }
        int step = 0;
        for (Queue.Relaxation r : q.relaxation()) {
            jdbc.update(
                    "INSERT INTO queue_relaxation (queue_id, step_no, after_seconds, level_drop, language_only) VALUES (?, ?, ?, ?, ?)",
                    q.id(),
                    step++,
                    r.afterSeconds(),
                    r.levelDrop(),
                    r.languageOnly());
        }
        for (Queue.OpeningHours h : q.openingHours()) {
            jdbc.update(
                    "INSERT INTO queue_hours (queue_id, day_of_week, opens, closes) VALUES (?, ?, ?, ?)",
                    q.id(),
                    h.dayOfWeek(),
                    h.opens(),
                    h.closes());
        }
        for (Queue.Holiday h : q.holidays()) {
            jdbc.update(
                    "INSERT INTO queue_holidays (queue_id, holiday_date, name) VALUES (?, ?, ?)",
                    q.id(),
                    h.date(),
                    h.name());
        }
        writeCodes(q.id(), "WRAP_UP", q.wrapUpCodes());
        writeCodes(q.id(), "BREAK", q.breakCodes());
    }

    private void writeCodes(String queue, String kind, List<Queue.Code> codes) {
        int order = 0;
        for (Queue.Code c : codes) {
            jdbc.update(
                    "INSERT INTO queue_codes (queue_id, kind, code, label, sort_order) VALUES (?, ?, ?, ?, ?)",
                    queue,
                    kind,
                    c.code(),
                    c.label(),
                    order++);
        }
    }

    @Override
    List<Queue> load(Selection only) {
        String where = only.where("queue_id");
        Object[] args = only.args();
        Map<String, List<SkillLevel>> skills = ChildRows.skillLevels(
                jdbc,
                "SELECT queue_id, skill, min_level FROM queue_skills" + where + " ORDER BY queue_id, skill",
                args);
        Map<String, List<Queue.Relaxation>> relax = ChildRows.byOwner(
                jdbc,
                "SELECT queue_id, after_seconds, level_drop, language_only FROM queue_relaxation" + where
                        + " ORDER BY queue_id, step_no",
                ArrayList::new,
                (rs, i) -> new Queue.Relaxation(rs.getInt(2), rs.getInt(3), rs.getBoolean(4)),
                args);
        Map<String, List<Queue.OpeningHours>> hours = ChildRows.byOwner(
                jdbc,
                "SELECT queue_id, day_of_week, opens, closes FROM queue_hours" + where
                        + " ORDER BY queue_id, day_of_week, opens",
                ArrayList::new,
                (rs, i) -> new Queue.OpeningHours(
                        rs.getInt(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)),
                args);
        Map<String, List<Queue.Holiday>> holidays = ChildRows.byOwner(
                jdbc,
                "SELECT queue_id, holiday_date, name FROM queue_holidays" + where + " ORDER BY queue_id, holiday_date",
                ArrayList::new,
                (rs, i) -> new Queue.Holiday(rs.getObject(2, LocalDate.class), rs.getString(3)),
                args);
        Map<String, List<Queue.Code>> wrapUp = new HashMap<>();
        Map<String, List<Queue.Code>> breaks = new HashMap<>();
        jdbc.query(
                "SELECT queue_id, kind, code, label FROM queue_codes" + where + " ORDER BY queue_id, kind, sort_order",
                rs -> {
                    ("WRAP_UP".equals(rs.getString(2)) ? wrapUp : breaks)
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Queue.Code(rs.getString(3), rs.getString(4)));
                },
                args);
        return jdbc.query(
                "SELECT id, name_en, name_zh_hans, name_zh_hant, product, product_min_level, language_min_level, "
                        + "sla_fraction, sla_seconds, aging_tier_weight, aging_weight, time_zone, outside_hours, wrap_up_required FROM queues"
                        + only.where("id") + " ORDER BY id",
                (rs, i) -> {
                    String id = rs.getString(1);
                    Map<String, String> names = new LinkedHashMap<>();
                    names.put("en", rs.getString(2));
                    names.put("zh-Hans", rs.getString(3));
                    names.put("zh-Hant", rs.getString(4));
                    return new Queue(
                            id,
                            names,
                            rs.getString(5),
                            rs.getInt(6),
                            skills.getOrDefault(id, List.of()),
                            rs.getInt(7),
                            rs.getDouble(8),
                            rs.getInt(9),
                            rs.getDouble(10),
                            rs.getDouble(11),
                            relax.getOrDefault(id, List.of()),
                            rs.getString(12),
                            hours.getOrDefault(id, List.of()),
                            holidays.getOrDefault(id, List.of()),
                            Queue.OutsideHours.valueOf(rs.getString(13)),
                            wrapUp.getOrDefault(id, List.of()),
                            breaks.getOrDefault(id, List.of()),
                            rs.getBoolean(14));
                },
                args);
    }
}
