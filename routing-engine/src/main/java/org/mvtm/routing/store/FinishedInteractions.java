package org.mvtm.routing.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.AssignmentExplanation;

/**
 * The in-memory store's look-back: the routing explanations of each interaction, and the last {@code retention}
 * ended or abandoned interactions, oldest forgotten first. Not thread-safe: the store's lock guards it.
 */
final class FinishedInteractions {
    private final Map<InteractionId, List<AssignmentExplanation>> explanations = new HashMap<>();
    private final ArrayDeque<InteractionId> finished = new ArrayDeque<>();
    private final int retention;

    FinishedInteractions(int retention) {
        this.retention = retention;
    }

    void explain(AssignmentExplanation explanation) {
        explanations.computeIfAbsent(explanation.interaction(), k -> new ArrayList<>()).add(explanation);
    }

    List<AssignmentExplanation> explanations(InteractionId id) {
        return List.copyOf(explanations.getOrDefault(id, List.of()));
    }

    /** Notes {@code id} as finished; returns the interactions now forgotten (their explanations are dropped here). */
    List<InteractionId> finished(InteractionId id) {
        finished.addLast(id);
        List<InteractionId> forgotten = new ArrayList<>();
        while (finished.size() > retention) {
            InteractionId old = finished.removeFirst();
            explanations.remove(old);
            forgotten.add(old);
        }
        return forgotten;
    }
}
