package org.mvtm.admin.internal;

import static org.mvtm.admin.internal.Timestamps.time;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.SecondFactorRecords;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link SecondFactorRecords} in table {@code second_factors}; one row per user, created by the first use. */
record JdbcSecondFactors(JdbcTemplate jdbc, Clock clock) implements SecondFactorRecords {
    @Override
    public Optional<byte[]> secret(String username) {
        List<String> secrets = jdbc.query(
                "SELECT secret FROM second_factors WHERE username = ? AND secret IS NOT NULL",
                (rs, i) -> rs.getString(1),
                key(username));
        return secrets.stream().findFirst().map(Base64.getDecoder()::decode);
    }

    @Override
    public void enrol(String username, byte[] secret) {
        String encoded = Base64.getEncoder().encodeToString(secret);
        ensureRow(key(username));
        jdbc.update(
                "UPDATE second_factors SET secret = ?, enrolled_at = ? WHERE username = ?",
                encoded,
                time(clock.instant()),
                key(username));
    }

    @Override
    public void remove(String username) {
        jdbc.update("DELETE FROM second_factors WHERE username = ?", key(username));
    }

    @Override
    public boolean useStep(String username, long step) {
        ensureRow(key(username));
        // one conditional update: of two nodes given the same code, only one sees a row changed
        return jdbc.update(
                        "UPDATE second_factors SET last_step = ? WHERE username = ? "
                                + "AND (last_step IS NULL OR last_step < ?)",
                        step,
                        key(username),
                        step)
                == 1;
    }

    /** Each statement commits on its own; a row another node created a moment ago is kept. */
    private void ensureRow(String username) {
        jdbc.update("INSERT INTO second_factors (username) VALUES (?) ON CONFLICT DO NOTHING", username);
    }

    private static String key(String username) {
        return UserRules.username(username);
    }
}
