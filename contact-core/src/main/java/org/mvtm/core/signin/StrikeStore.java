package org.mvtm.core.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the throttle keeps its counts: {@link InMemoryStrikeStore} on one node, Redis in a cluster so that every
 * node sees the same attempts. Times come from the throttle's clock, never from the store's.
 *
 * <p>A count is of attempts admitted and not forgiven. The throttle admits an attempt against its account before its
 * password is checked and forgives it when it was no failure, so attempts at one account sent in parallel are counted
 * while in flight and cannot slip through together; against an address and everyone it admits only failures, when
 * they are reported, so right passwords sent together never count there.
 */
public interface StrikeStore {

    /** What {@link #admit} decided. {@code notBefore}: when a refused attempt may come again. */
    record Admission(boolean admitted, Strikes strikes, Instant notBefore, boolean locked) {}

    /**
     * Atomically, with respect to every caller on every node: refuses the attempt if the key is locked, or if it comes
     * before {@code last + delays[min(count, delays.size() - 1)]}; otherwise counts it ({@code count + 1},
     * {@code last = now}). A count with no attempt for {@code forget} (or whose lock has ended) starts again from 0.
     */
    Admission admit(String key, Instant now, Duration forget, List<Duration> delays);

    /** One admitted attempt was not a failure (right password, stale nonce): the count goes down by one. */
    void forgive(String key);

    /** The strikes under {@code key}, or {@link Strikes#NONE} if there are none or they are older than {@code forget}. */
    Strikes read(String key, Instant now, Duration forget);

    /** Locks {@code key} until {@code until} (keeps the count). */
    void lock(String key, Instant until, Instant now);

    /** Forgets the key (a successful sign-in). */
    void clear(String key);
}
