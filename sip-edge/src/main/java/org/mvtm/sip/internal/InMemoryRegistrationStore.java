package org.mvtm.sip.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;

/** Bindings in a concurrent map: address-of-record → (contact → binding). */
public final class InMemoryRegistrationStore implements RegistrationStore {
    private final Map<String, Map<String, Binding>> byAor = new ConcurrentHashMap<>();

    @Override
    public void put(Binding binding) {
        byAor.computeIfAbsent(binding.aor(), a -> new ConcurrentHashMap<>()).put(binding.contact(), binding);
    }

    @Override
    public void remove(String aor, String contact) {
        Map<String, Binding> m = byAor.get(aor);
        if (m != null) {
            m.remove(contact);
        }
    }

    @Override
    public void removeAll(String aor) {
        byAor.remove(aor);
    }

    @Override
    public List<Binding> bindings(String aor, Instant now) {
        Map<String, Binding> m = byAor.get(aor);
        if (m == null) {
            return List.of();
        }
        m.values().removeIf(b -> !b.activeAt(now));
        List<Binding> out = new ArrayList<>(m.values());
        out.sort(BY_PREFERENCE);
        return out;
    }

    static final Comparator<Binding> BY_PREFERENCE =
            Comparator.comparing(Binding::q).reversed().thenComparing(Binding::expiresAt, Comparator.reverseOrder());
}
