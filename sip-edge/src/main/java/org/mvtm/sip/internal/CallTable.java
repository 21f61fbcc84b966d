package org.mvtm.sip.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.InteractionId;

/** The calls this edge holds: customer calls by Call-ID and by interaction, advisor legs by interaction. */
final class CallTable {
    private final Map<String, CustomerCall> byCallId = new ConcurrentHashMap<>();
    private final Map<InteractionId, CustomerCall> byInteraction = new ConcurrentHashMap<>();
    private final Map<InteractionId, List<AdvisorLeg>> legs = new ConcurrentHashMap<>();

    void add(CustomerCall call) {
        byCallId.put(call.callId, call);
        byInteraction.put(call.interaction.id(), call);
    }

    void remove(CustomerCall call) {
        byCallId.remove(call.callId, call);
        byInteraction.remove(call.interaction.id(), call);
    }

    CustomerCall byCallId(String callId) {
        return byCallId.get(callId);
    }

    CustomerCall customer(InteractionId id) {
        return byInteraction.get(id);
    }

    Collection<CustomerCall> customers() {
        return List.copyOf(byInteraction.values());
    }

    void add(AdvisorLeg leg) {
        legs.compute(leg.interaction, (k, v) -> {
            List<AdvisorLeg> out = new ArrayList<>(v == null ? List.of() : v);
            out.add(leg);
            return List.copyOf(out);
        });
    }

    void remove(AdvisorLeg leg) {
        legs.computeIfPresent(leg.interaction, (k, v) -> {
            List<AdvisorLeg> out = new ArrayList<>(v);
            out.remove(leg);
            return out.isEmpty() ? null : List.copyOf(out);
        });
    }

    List<AdvisorLeg> legs(InteractionId id) {
        return legs.getOrDefault(id, List.of());
    }

    Collection<AdvisorLeg> allLegs() {
        return legs.values().stream().flatMap(List::stream).toList();
    }
}
