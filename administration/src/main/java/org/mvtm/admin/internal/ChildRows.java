package org.mvtm.admin.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mvtm.admin.api.SkillLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The rows of a child table (a queue's skills, a user's roles ...) grouped by their owner's key. */
final class ChildRows {
    private ChildRows() {}

    /**
     * Runs {@code sql}, whose first column is the owner's key, and groups the values {@code row} reads from each row
     * by that key; each group keeps the query's order.
     */
    static <T, C extends Collection<T>> Map<String, C> byOwner(
            JdbcTemplate jdbc, String sql, Supplier<C> group, RowMapper<T> row, Object... args) {
        List<Map.Entry<String, T>> rows =
                jdbc.query(sql, (rs, i) -> Map.entry(rs.getString(1), row.mapRow(rs, i)), args);
        return rows.stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(group))));
    }

    /** The skill levels of a child table (an advisor's skills, a queue's): {@code sql} reads owner, skill and level. */
    static Map<String, List<SkillLevel>> skillLevels(JdbcTemplate jdbc, String sql, Object... args) {
        return byOwner(jdbc, sql, ArrayList::new, (rs, i) -> new SkillLevel(rs.getString(2), rs.getInt(3)), args);
    }
}
