package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.QueueId;

/**
 * A queue: the skills every customer in it needs (on top of their own requirements and their language), the SLA
 * target, the aging rule, relaxation steps, the advisor selection strategy and the offer timeout ({@code empty}
 * = the engine default from {@link RoutingConfig#offerTimeout()}).
 *
 * @param languageMinLevel minimum level in the customer's language skill ({@code lang.xx}) before any relaxation
 * @param basePriority     added to every customer's priority in this queue (compare queues with it)
 */
public record QueueConfig(QueueId id, String displayName, List<SkillRequirement> requiredSkills,
                          ServiceLevelTarget sla, AgingRule aging, List<RelaxationStep> relaxation,
                          SelectionStrategy strategy, Optional<Duration> offerTimeout, int languageMinLevel,
                          double basePriority) {
    public QueueConfig {
        Objects.requireNonNull(id, "queue id");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName.strip();
        requiredSkills = List.copyOf(requiredSkills == null ? List.of() : requiredSkills);
        sla = sla == null ? ServiceLevelTarget.of(0.8, Duration.ofSeconds(20)) : sla;
        aging = aging == null ? AgingRule.defaults() : aging;
        relaxation = (relaxation == null ? List.<RelaxationStep>of() : relaxation).stream()
                .sorted(Comparator.comparing(RelaxationStep::after)).toList();
        strategy = strategy == null ? SelectionStrategy.BEST_SKILL_THEN_LONGEST_IDLE : strategy;
        offerTimeout = offerTimeout == null ? Optional.empty() : offerTimeout;
        offerTimeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("queue " + id + " offer timeout must be positive but was " + t);
            }
        });
        if (languageMinLevel < 1 || languageMinLevel > 10) {
            throw new IllegalArgumentException("queue " + id + " languageMinLevel must be between 1 and 10 but was " + languageMinLevel);
        }
        if (!Double.isFinite(basePriority)) {
            throw new IllegalArgumentException("queue " + id + " basePriority must be finite");
        }
        long distinct = requiredSkills.stream().map(SkillRequirement::skill).distinct().count();
        if (distinct != requiredSkills.size()) {
            throw new IllegalArgumentException("queue " + id + " requires a skill twice: " + requiredSkills);
        }
    }

    /** A queue with defaults: 80% in 20 s, default aging, no relaxation, best skill then longest idle, language level 1. */
    public static QueueConfig of(QueueId id, List<SkillRequirement> requiredSkills) {
        return new QueueConfig(id, id.value(), requiredSkills, null, null, List.of(), null, Optional.empty(), 1, 0);
    }

    public QueueConfig withSla(ServiceLevelTarget target) {
        return new QueueConfig(id, displayName, requiredSkills, target, aging, relaxation, strategy, offerTimeout, languageMinLevel, basePriority);
    }

    public QueueConfig withAging(AgingRule rule) {
        return new QueueConfig(id, displayName, requiredSkills, sla, rule, relaxation, strategy, offerTimeout, languageMinLevel, basePriority);
    }

    public QueueConfig withRelaxation(List<RelaxationStep> steps) {
        return new QueueConfig(id, displayName, requiredSkills, sla, aging, steps, strategy, offerTimeout, languageMinLevel, basePriority);
    }

    public QueueConfig withStrategy(SelectionStrategy s) {
        return new QueueConfig(id, displayName, requiredSkills, sla, aging, relaxation, s, offerTimeout, languageMinLevel, basePriority);
    }

    public QueueConfig withOfferTimeout(Duration timeout) {
        return new QueueConfig(id, displayName, requiredSkills, sla, aging, relaxation, strategy, Optional.of(timeout), languageMinLevel, basePriority);
    }

    public QueueConfig withLanguageMinLevel(int level) {
        return new QueueConfig(id, displayName, requiredSkills, sla, aging, relaxation, strategy, offerTimeout, level, basePriority);
    }

    public QueueConfig withBasePriority(double priority) {
        return new QueueConfig(id, displayName, requiredSkills, sla, aging, relaxation, strategy, offerTimeout, languageMinLevel, priority);
    }
}
