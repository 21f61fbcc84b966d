package org.mvtm.routing.api;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/**
 * Why an interaction was offered to an advisor: the requirements in force (after relaxation), the customer's
 * priority, the candidates considered with their scores (best first, at most 20 listed; {@code consideredCount}
 * counts all) and the rule that decided, e.g. {@code "BEST_SKILL_THEN_LONGEST_IDLE: skill 9.0 > 7.0"}.
 */
public record AssignmentExplanation(Instant at, InteractionId interaction, QueueId queue, AgentId chosen,
                                    double priority, List<SkillRequirement> effectiveRequirements, String relaxation,
                                    String decidingRule, List<CandidateScore> candidates, int consideredCount) {
    public AssignmentExplanation {
        effectiveRequirements = List.copyOf(effectiveRequirements);
        candidates = List.copyOf(candidates);
    }
}
