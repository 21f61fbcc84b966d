package org.mvtm.sip.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Tags and Via branches (RFC 3261 19.3: globally unique, cryptographically random). {@code UUID.randomUUID()} drew
 * each from the JDK's shared {@code NativePRNG}, which reads {@code /dev/urandom} under one global lock (5 % of the
 * edge's samples at 400 calls/s), and a DRBG call per token costs as much again (its hash per call). Here one DRBG
 * call fills a 4 KiB buffer that serves a few hundred tokens: the same strength, a fraction of the cost, and the hex is
 * formatted without the UUID's intermediate strings. Thread-safe; the lock is held for a copy only.
 */
final class RandomTokens {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SecureRandom random;
    private final byte[] pool = new byte[4096];
    private int next = pool.length;

    RandomTokens() {
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
        }
    }

    /** {@code chars} random hex digits (4 bits each), at most 64. */
    String hex(int chars) {
        byte[] b = new byte[(chars + 1) / 2];
        synchronized (pool) {
            if (next + b.length > pool.length) {
                random.nextBytes(pool);
                next = 0;
            }
            System.arraycopy(pool, next, b, 0, b.length);
            next += b.length;
        }
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            int v = b[i / 2] >> ((i & 1) == 0 ? 4 : 0);
            out[i] = HEX[v & 0xf];
        }
        return new String(out);
    }
}
