package org.mvtm.routing.match;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.CandidateScore;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.SelectionStrategy;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.store.AdvisorRecord;
import org.mvtm.routing.store.InteractionRecord;

/**
 * One matching round, a pure function of a snapshot: waiting customers are taken highest aged priority first (across
 * all queues), and each gets the best available eligible advisor by its queue's strategy; an advisor receives at most
 * one offer per round; customers waiting for one named advisor come first. So the advisor who frees up is offered the longest-waiting (highest priority) customer they
 * can serve, and that customer gets the best advisor free at that moment.
 */
public final class Matcher {
    /** At most this many candidates are listed in an explanation (the count of all considered is kept). */
    public static final int LISTED_CANDIDATES = 20;

    /** A planned offer with its explanation; the engine still has to reserve it atomically in the store. */
    public record Proposal(InteractionRecord interaction, QueueConfig queue, AdvisorRecord advisor,
                           AssignmentExplanation explanation) {
    }

    /**
     * Customers who wait for one named advisor (a booked appointment, a transfer to a colleague) are matched first:
     * nobody else can take them, and that advisor owes them the next free moment.
     */
    private static final Comparator<Priority.Ranked> PINNED_FIRST =
            Comparator.comparing(r -> r.record().pinned().isEmpty());

    private final AdvisorSelector selector;

    /** Base requirements per interaction (immutable for a given queue definition); one matcher thread uses it. */
    private record CachedBase(QueueConfig queue, List<SkillRequirement> base) {
    }

    private final Map<InteractionId, CachedBase> bases = new HashMap<>();

    private List<SkillRequirement> base(QueueConfig q, InteractionRecord ix) {
        CachedBase c = bases.get(ix.interaction().id());
        if (c == null || c.queue() != q) {
            if (bases.size() > 50_000) {
                bases.clear();
            }
            c = new CachedBase(q, Requirements.base(q, ix.interaction()));
            bases.put(ix.interaction().id(), c);
        }
        return c.base();
    }

    public Matcher(AdvisorSelector selector) {
        this.selector = selector;
    }

    public List<Proposal> plan(List<InteractionRecord> waiting, List<AdvisorRecord> available,
                               Function<QueueId, QueueConfig> queues, Function<QueueId, Optional<AgentId>> lastPicked,
                               TierWeights tiers, Instant now) {
        if (waiting.isEmpty() || available.isEmpty()) {
            return List.of();
        }
        List<Priority.Ranked> ranked = new ArrayList<>(waiting.size());
        for (InteractionRecord ix : waiting) {
            QueueConfig q = queues.apply(ix.queue());
            if (q != null) {
                ranked.add(new Priority.Ranked(ix, q, Priority.of(q, ix, now, tiers)));
            }
        }
        ranked.sort(PINNED_FIRST.thenComparing(Priority.ORDER));
        Map<AgentId, AdvisorRecord> free = new LinkedHashMap<>();
        for (AdvisorRecord a : available) {
            free.put(a.profile().id(), a);
        }
        Map<AgentId, Map<String, Integer>> levels = new HashMap<>();
        for (AdvisorRecord a : available) {
            levels.put(a.profile().id(), AdvisorSelector.levels(a));
        }
        Map<QueueId, Optional<AgentId>> cursors = new HashMap<>();
        List<Proposal> out = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            Priority.Ranked r = ranked.get(rank);
            if (free.isEmpty()) {
                break;
            }
            InteractionRecord ix = r.record();
            QueueConfig q = r.queue();
            List<SkillRequirement> base = base(q, ix);
            Requirements.Effective eff = Requirements.effective(q, ix.interaction(), base, Duration.between(ix.enqueuedAt(), now));
            Optional<AgentId> cursor = q.strategy() == SelectionStrategy.ROUND_ROBIN
                    ? cursors.computeIfAbsent(q.id(), lastPicked) : Optional.empty();
            boolean any = false;
            for (AdvisorRecord a : free.values()) {
                if (selector.couldTake(ix, a, levels.get(a.profile().id()), eff.skills())) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                continue; // nobody free can take this customer: no scoring, no allocation
            }
            AdvisorSelector.Choice choice = selector.choose(ix, base, eff.skills(), free.values(), levels,
                    q.strategy(), cursor, now);
            if (choice.chosen().isEmpty()) {
                continue;
            }
            AgentId chosen = choice.chosen().get();
            AdvisorRecord advisor = free.remove(chosen);
            cursors.put(q.id(), Optional.of(chosen));
            List<CandidateScore> listed = choice.candidates().size() > LISTED_CANDIDATES
                    ? choice.candidates().subList(0, LISTED_CANDIDATES) : choice.candidates();
            String rule = choice.rule() + "; customer priority " + String.format(Locale.ROOT, "%.3f", r.priority())
                    + " (" + (rank + 1) + " of " + ranked.size() + " waiting by priority; customers ahead had no eligible free advisor or took one)";
            AssignmentExplanation why = new AssignmentExplanation(now, ix.interaction().id(), q.id(), chosen,
                    r.priority(), eff.skills(), eff.relaxation(), rule, listed, choice.candidates().size());
            out.add(new Proposal(ix, q, advisor, why));
        }
        return out;
    }
}
