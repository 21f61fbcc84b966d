package org.mvtm.sip.api;

import java.time.Instant;
import java.util.List;

/**
 * Registration bindings, shared by every server node (in memory for one node, Redis for several), so any node can
 * reach a registered phone. Implementations are thread-safe.
 */
public interface RegistrationStore extends AutoCloseable {

    /** Adds or replaces the binding of {@code binding.contact()} for {@code binding.aor()}. */
    void put(Binding binding);

    /** Removes one contact of {@code aor}; no-op if absent. */
    void remove(String aor, String contact);

    /** Removes every contact of {@code aor} ({@code Contact: *}). */
    void removeAll(String aor);

    /** The bindings of {@code aor} still active at {@code now}, highest q first. Expired ones are purged. */
    List<Binding> bindings(String aor, Instant now);

    @Override
    default void close() {
    }
}
