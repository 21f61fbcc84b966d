package org.mvtm.routing.match;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Channel;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.routing.api.CandidateScore;
import org.mvtm.routing.api.SelectionStrategy;
import org.mvtm.routing.store.AdvisorRecord;
import org.mvtm.routing.store.Capacity;
import org.mvtm.routing.store.InteractionRecord;

/** Scores available advisors for one customer and picks one by the queue's strategy, saying which rule decided. */
public final class AdvisorSelector {
    /** An advisor who declined an interaction is not offered it again for this long. */
    public static final Duration DECLINE_COOLDOWN = Duration.ofSeconds(60);

    /** The decision: the chosen advisor, every candidate scored (best first) and the deciding rule. */
    public record Choice(Optional<AgentId> chosen, List<CandidateScore> candidates, String rule) {
    }

    /** Capacity of an advisor on a channel (profile, else engine default). */
    public interface CapacityLookup {
        int capacity(AdvisorRecord advisor, Channel channel);
    }

    private final CapacityLookup capacities;

    public AdvisorSelector(CapacityLookup capacities) {
        this.capacities = capacities;
    }

    /** Skill name to level, built once per advisor per round (the profile's skill set is a Set of records). */
    public static Map<String, Integer> levels(AdvisorRecord a) {
        Map<String, Integer> m = new HashMap<>();
        for (Skill s : a.profile().skills()) {
            m.put(s.name(), s.level());
        }
        return m;
    }

    /**
     * The fast check of the hot path: could {@code a} take {@code ix} now (not counting the decline cool-down)?
     * Allocates nothing; {@link #choose} then scores and explains only for customers who have a candidate.
     */
    public boolean couldTake(InteractionRecord ix, AdvisorRecord a, Map<String, Integer> levels, List<SkillRequirement> effective) {
        Channel channel = ix.interaction().channel();
        if (!Capacity.hasRoom(a.load(), channel, capacities.capacity(a, channel))) {
            return false;
        }
        if (ix.pinned().isPresent()) {
            return ix.pinned().get().equals(a.profile().id());
        }
        for (int i = 0; i < effective.size(); i++) {
            SkillRequirement r = effective.get(i);
            Integer level = levels.get(r.skill());
            if (level == null || level < r.minLevel()) {
                return false;
            }
        }
        return true;
    }

    public Choice choose(InteractionRecord ix, List<SkillRequirement> base, List<SkillRequirement> effective,
                         Collection<AdvisorRecord> available, Map<AgentId, Map<String, Integer>> levels,
                         SelectionStrategy strategy, Optional<AgentId> lastPicked, Instant now) {
        Channel channel = ix.interaction().channel();
        List<CandidateScore> eligible = new ArrayList<>();
        List<CandidateScore> cooled = new ArrayList<>();
        List<CandidateScore> ineligible = new ArrayList<>();
        for (AdvisorRecord a : available) {
            int cap = capacities.capacity(a, channel);
            double load = cap == 0 ? 1 : Math.min(1, (double) a.loadFor(channel) / cap);
            Duration idle = Duration.between(a.idleSince(), now);
            AgentId id = a.profile().id();
            Map<String, Integer> lv = levels.get(id);
            String why = ineligibility(ix, a, lv, effective, channel, cap);
            if (why != null) {
                ineligible.add(new CandidateScore(id, false, 0, idle, load, why));
                continue;
            }
            double score = skillScore(lv, base);
            Instant declinedAt = ix.declined().get(id);
            if (declinedAt != null && Duration.between(declinedAt, now).compareTo(DECLINE_COOLDOWN) < 0) {
                cooled.add(new CandidateScore(id, true, score, idle, load, "declined this customer at " + declinedAt));
            } else {
                eligible.add(new CandidateScore(id, true, score, idle, load, "meets " + describe(effective)));
            }
        }
        List<CandidateScore> ordered = order(eligible, strategy, lastPicked);
        List<CandidateScore> all = new ArrayList<>(ordered);
        all.addAll(cooled);
        all.addAll(ineligible);
        if (ordered.isEmpty()) {
            return new Choice(Optional.empty(), all, cooled.isEmpty()
                    ? "no eligible advisor among " + available.size() + " available"
                    : "only advisors who declined in the last " + DECLINE_COOLDOWN + " are eligible");
        }
        CandidateScore best = ordered.get(0);
        String rule = rule(strategy, best, ordered.size() > 1 ? ordered.get(1) : null);
        return new Choice(Optional.of(best.advisor()), all, rule);
    }

    private static String ineligibility(InteractionRecord ix, AdvisorRecord a, Map<String, Integer> levels,
                                        List<SkillRequirement> effective, Channel channel, int cap) {
        if (ix.pinned().isPresent() && !ix.pinned().get().equals(a.profile().id())) {
            return "transfer is for " + ix.pinned().get();
        }
        if (!Capacity.hasRoom(a.load(), channel, cap)) {
            return "no room for " + channel + " (load " + a.load() + ", capacity " + cap + ")";
        }
        if (ix.pinned().isPresent()) {
            return null; // a named transfer target was chosen by a colleague: skills are not checked
        }
        for (int i = 0; i < effective.size(); i++) {
            SkillRequirement r = effective.get(i);
            Integer level = levels.get(r.skill());
            if (level == null || level < r.minLevel()) {
                return "lacks " + r.skill() + ">=" + r.minLevel() + (level == null ? "" : " (has " + level + ")");
            }
        }
        return null;
    }

    /** Mean level held in the (unrelaxed) required skills, 0 for a missing skill. */
    static double skillScore(Map<String, Integer> levels, List<SkillRequirement> base) {
        if (base.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (SkillRequirement r : base) {
            sum += levels.getOrDefault(r.skill(), 0);
        }
        return sum / base.size();
    }

    private static final Comparator<CandidateScore> LONGEST_IDLE =
            Comparator.comparing(CandidateScore::idle).reversed().thenComparing(c -> c.advisor().value());

    static List<CandidateScore> order(List<CandidateScore> pool, SelectionStrategy strategy, Optional<AgentId> lastPicked) {
        List<CandidateScore> out = new ArrayList<>(pool);
        switch (strategy) {
            case BEST_SKILL_THEN_LONGEST_IDLE ->
                    out.sort(Comparator.comparingDouble(CandidateScore::skillScore).reversed().thenComparing(LONGEST_IDLE));
            case LEAST_OCCUPIED -> out.sort(Comparator.comparingDouble(CandidateScore::load).thenComparing(LONGEST_IDLE));
            case ROUND_ROBIN -> {
                out.sort(Comparator.comparing(c -> c.advisor().value()));
                if (lastPicked.isPresent()) {
                    String last = lastPicked.get().value();
                    int split = 0;
                    while (split < out.size() && out.get(split).advisor().value().compareTo(last) <= 0) {
                        split++;
                    }
                    List<CandidateScore> rotated = new ArrayList<>(out.subList(split, out.size()));
                    rotated.addAll(out.subList(0, split));
                    out = rotated;
                }
            }
        }
        return out;
    }

    private static String rule(SelectionStrategy strategy, CandidateScore best, CandidateScore next) {
        String prefix = strategy + ": ";
        String suffix = "";
        if (next == null) {
            return prefix + "only eligible advisor " + best.advisor() + suffix;
        }
        String vs = " (" + best.advisor() + " over " + next.advisor() + ")";
        return switch (strategy) {
            case BEST_SKILL_THEN_LONGEST_IDLE -> best.skillScore() > next.skillScore()
                    ? prefix + "skill " + fmt(best.skillScore()) + " > " + fmt(next.skillScore()) + vs + suffix
                    : prefix + "skill tie at " + fmt(best.skillScore()) + ", idle " + best.idle() + " >= " + next.idle() + vs + suffix;
            case LEAST_OCCUPIED -> best.load() < next.load()
                    ? prefix + "load " + fmt(best.load()) + " < " + fmt(next.load()) + vs + suffix
                    : prefix + "load tie at " + fmt(best.load()) + ", idle " + best.idle() + " >= " + next.idle() + vs + suffix;
            case ROUND_ROBIN -> prefix + "next in turn after the last advisor picked" + vs + suffix;
        };
    }

    private static String describe(List<SkillRequirement> reqs) {
        StringBuilder sb = new StringBuilder();
        for (SkillRequirement r : reqs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(r.skill()).append(">=").append(r.minLevel());
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
