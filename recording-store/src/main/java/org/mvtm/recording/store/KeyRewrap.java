package org.mvtm.recording.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.audit.AuditLog;
import org.mvtm.recording.crypto.DataKeyFile;

/** Master key rotation: re-wraps each recording's data key with the new master key, audited per recording. */
record KeyRewrap(RecordingKeys keys, SecureRandom random, AuditLog audit, StoredRecordings stored) {
    private static final String SYSTEM_REWRAP = "system:rewrap";

    /** Returns how many data keys were re-wrapped (those already under {@code masterKeyId} are left alone). */
    int rewrapDataKeys(String masterKeyId) {
        keys.masterKey(masterKeyId);
        int n = 0;
        for (StoredRecording s : stored.all()) {
            try {
                if (!DataKeyFile.masterKeyId(s.dir()).equals(masterKeyId)) {
                    SecretKey k = DataKeyFile.read(s.dir(), s.id().value(), keys);
                    DataKeyFile.write(s.dir(), s.id().value(), k, keys, masterKeyId, random);
                    audit.append(SYSTEM_REWRAP, AuditAction.REWRAP, s.id().value(), StoredRecordings.regionOf(s),
                            AuditEntry.Outcome.ALLOWED, "data key re-wrapped with master key " + masterKeyId);
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("re-wrapping the data key of " + s.id() + " failed: " + e.getMessage(),
                        e);
            }
        }
        return n;
    }
}
