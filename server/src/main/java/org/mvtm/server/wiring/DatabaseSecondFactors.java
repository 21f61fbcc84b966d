package org.mvtm.server.wiring;

import java.util.Optional;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.web.api.SecondFactorStore;

/** The web tier's TOTP secrets kept in the system of record: they survive restarts and every node shares them. */
final class DatabaseSecondFactors implements SecondFactorStore {
    private final SecondFactorRecords records;

    DatabaseSecondFactors(SecondFactorRecords records) {
        this.records = records;
    }

    @Override
    public Optional<byte[]> secret(String username) {
        return records.secret(username);
    }

    @Override
    public void enrol(String username, byte[] secret) {
        records.enrol(username, secret);
    }

    @Override
    public void remove(String username) {
        records.remove(username);
    }

    @Override
    public boolean useStep(String username, long step) {
        return records.useStep(username, step);
    }
}
