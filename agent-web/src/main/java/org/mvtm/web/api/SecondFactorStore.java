package org.mvtm.web.api;

import java.util.Optional;

/**
 * Where the TOTP secrets of local accounts live (admin and compliance users confirm their password with a one-time
 * code). The web tier ships {@link InMemorySecondFactorStore}; a server with a database provides its own bean.
 * Implementations must be thread-safe.
 */
public interface SecondFactorStore {
    /** The user's confirmed TOTP secret (raw bytes), if enrolled. */
    Optional<byte[]> secret(String username);

    /** Stores a secret the user has just confirmed with a valid code (replaces an earlier one). */
    void enrol(String username, byte[] secret);

    /** Forgets the user's secret (an admin resets a lost phone); the next sign-in enrols again. */
    void remove(String username);

    /**
     * Accepts a TOTP time step for the user once: true if it is later than every step used before, false for a code
     * already used (a replayed code is refused even inside its 30 s window).
     */
    boolean useStep(String username, long step);
}
