package org.mvtm.sip.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;

/** The dialogs of one node, in memory. */
public final class InMemorySharedDialogs implements SharedDialogs {
    private final String self;
    private final Map<String, SharedDialog> byCallId = new ConcurrentHashMap<>();

    public InMemorySharedDialogs(String self) {
        this.self = Objects.requireNonNull(self, "node");
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public void save(SharedDialog dialog) {
        byCallId.put(dialog.callId(), dialog.heldBy(self));
    }

    @Override
    public Optional<SharedDialog> find(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    @Override
    public void remove(String callId) {
        byCallId.remove(callId);
    }

    @Override
    public List<SharedDialog> heldBy(String node) {
        return byCallId.values().stream().filter(d -> d.node().equals(node)).toList();
    }

    @Override
    public Set<String> nodes() {
        return byCallId.values().stream().map(SharedDialog::node).collect(Collectors.toSet());
    }
}
