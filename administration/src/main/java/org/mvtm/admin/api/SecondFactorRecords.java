package org.mvtm.admin.api;

import java.util.Optional;

/**
 * The TOTP secrets of local accounts (admins and compliance officers confirm their password with a one-time code):
 * the web tier's second factor ({@code SecondFactorGate}) reads and writes them here. The system of record's
 * ({@link AdministrationService#secondFactors()}) survive a restart and every node of a cluster shares them; the web
 * tier keeps them in memory when no such bean is given. Thread-safe.
 */
public interface SecondFactorRecords {
    /** The user's confirmed TOTP secret (raw bytes), if enrolled. */
    Optional<byte[]> secret(String username);

    /** Stores a secret the user has just confirmed with a valid code (replaces an earlier one). The user must exist. */
    void enrol(String username, byte[] secret);

    /** Forgets the user's secret and used steps (an admin resets a lost phone); the next sign-in enrols again. */
    void remove(String username);

    /**
     * Accepts a TOTP time step for the user once, on any node: true if it is later than every step used before,
     * false for a code already used (a replayed code is refused even inside its 30 s window).
     */
    boolean useStep(String username, long step);
}
