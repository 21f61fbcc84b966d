package org.mvtm.web.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.core.id.Usernames;

/** {@link SecondFactorRecords} in this node's memory: enrolments are lost on restart (single node, tests, demo). */
public final class InMemorySecondFactors implements SecondFactorRecords {
    private final ConcurrentMap<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> lastStep = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> secret(String username) {
        return Optional.ofNullable(secrets.get(key(username))).map(s -> Arrays.copyOf(s, s.length));
    }

    @Override
    public void enrol(String username, byte[] secret) {
        secrets.put(key(username), Arrays.copyOf(secret, secret.length));
    }

    @Override
    public void remove(String username) {
        secrets.remove(key(username));
        lastStep.remove(key(username));
    }

    @Override
    public boolean useStep(String username, long step) {
        boolean[] accepted = {false};
        lastStep.compute(key(username), (k, last) -> {
            if (last == null || step > last) {
                accepted[0] = true;
                return step;
            }
            return last;
        });
        return accepted[0];
    }

    private static String key(String username) {
        return Usernames.normalized(username);
    }
}
