package org.mvtm.web.supervisor;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mvtm.core.Advisor;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.springframework.stereotype.Component;

/**
 * The supervisor's live view, built from routing's numbers and scoped to the supervisor's regions: queues
 * (waiting, longest wait, service level, ASA, abandoned) and advisors of their regions (state, time in state,
 * current interaction).
 */
@Component
public class SupervisorBoard {
    private final RoutingEngine routing;
    private final Clock clock;

    public SupervisorBoard(RoutingEngine routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
    }

    public record QueueRow(String queue, String name, int waiting, long longestWaitSeconds, double serviceLevel,
                           long averageSpeedOfAnswerSeconds, long abandoned, long answered, long offered) {
    }

    public record AdvisorRow(String agentId, String name, String region, String state, String reason,
                             long secondsInState, List<String> current, String offer, String node, double occupancy) {
    }

    public record Snapshot(String type, Instant at, List<QueueRow> queues, List<AdvisorRow> advisors) {
    }

    public record Explanation(String type, String interactionId, List<AssignmentExplanation> decisions) {
    }

    public Snapshot snapshot(WebUser viewer) {
        Map<QueueIdKey, String> names = routing.queues().stream()
                .collect(Collectors.toMap(q -> new QueueIdKey(q.id().value()), q -> q.displayName(), (a, b) -> a));
        List<QueueRow> queues = routing.queueStats().stream()
                .sorted(Comparator.comparing(s -> s.queue().value()))
                .map(s -> row(s, names.getOrDefault(new QueueIdKey(s.queue().value()), s.queue().value())))
                .toList();
        Map<AgentId, Advisor> profiles = routing.advisors().stream()
                .collect(Collectors.toMap(Advisor::id, Function.identity(), (a, b) -> a));
        List<AdvisorRow> advisors = routing.advisorStats().stream()
                .filter(s -> Optional.ofNullable(profiles.get(s.advisor())).map(a -> viewer.maySee(a.region())).orElse(false))
                .sorted(Comparator.comparing(s -> s.advisor().value()))
                .map(s -> row(s, profiles.get(s.advisor())))
                .toList();
        return new Snapshot("snapshot", clock.instant(), queues, advisors);
    }

    /** Why routing gave the interaction to whom (every decision, oldest first). */
    public Explanation explain(InteractionId interaction) {
        return new Explanation("explanation", interaction.value(), routing.explanation(interaction));
    }

    private record QueueIdKey(String id) {
    }

    private static QueueRow row(QueueStats s, String name) {
        return new QueueRow(s.queue().value(), name, s.waiting(), s.longestWait().toSeconds(), s.serviceLevel(),
                s.averageSpeedOfAnswer().toSeconds(), s.abandoned(), s.answered(), s.offered());
    }

    private static AdvisorRow row(AdvisorStats s, Advisor profile) {
        return new AdvisorRow(s.advisor().value(), profile.displayName(), profile.region().code(), s.state().name(),
                s.reason().orElse(""), s.timeInState().toSeconds(),
                s.current().stream().map(InteractionId::value).toList(),
                s.offer().map(InteractionId::value).orElse(""), s.node().orElse(""), s.occupancy());
    }
}
