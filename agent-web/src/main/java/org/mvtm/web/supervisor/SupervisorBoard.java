package org.mvtm.web.supervisor;

import java.time.Clock;
import java.time.Duration;
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
import org.mvtm.web.security.RequestRefused;
import org.springframework.http.HttpStatus;
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
                             long secondsInState, List<String> current, String offer, String node, double occupancy,
                             List<CurrentRow> interactions) {
    }

    /** One of an advisor's current interactions: who, on which channel and queue, since when. */
    public record CurrentRow(String interactionId, String customerName, String channel, String queue, Instant since) {
    }

    /** A customer waiting in a queue (the supervisor may move them to another). */
    public record WaitingRow(String interactionId, String customerName, String region, String channel, String queue,
                             long secondsWaiting) {
    }

    public record Snapshot(String type, Instant at, List<QueueRow> queues, List<AdvisorRow> advisors,
                           List<WaitingRow> waiting) {
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
        return new Snapshot("snapshot", clock.instant(), queues, advisors, waiting(viewer));
    }

    /** The customers waiting in the viewer's regions, oldest first. */
    public List<WaitingRow> waiting(WebUser viewer) {
        Instant now = clock.instant();
        return routing.waiting().stream().filter(w -> viewer.maySee(w.interaction().customer().region()))
                .map(w -> new WaitingRow(w.interaction().id().value(), w.interaction().customer().displayName(),
                        w.interaction().customer().region().code(), w.interaction().channel().name(), w.queue().value(),
                        Duration.between(w.enqueuedAt(), now).toSeconds()))
                .toList();
    }

    /** Why routing gave the interaction to whom (every decision, oldest first); only for the viewer's regions. */
    public Explanation explain(WebUser viewer, InteractionId interaction) {
        routing.interaction(interaction).map(v -> v.interaction().customer().region()).filter(r -> !viewer.maySee(r))
                .ifPresent(r -> {
                    throw new RequestRefused(HttpStatus.FORBIDDEN, "interactionId", "interaction " + interaction
                            + " is in region " + r.code() + ", outside your regions");
                });
        return new Explanation("explanation", interaction.value(), routing.explanation(interaction));
    }

    private record QueueIdKey(String id) {
    }

    private static QueueRow row(QueueStats s, String name) {
        return new QueueRow(s.queue().value(), name, s.waiting(), s.longestWait().toSeconds(), s.serviceLevel(),
                s.averageSpeedOfAnswer().toSeconds(), s.abandoned(), s.answered(), s.offered());
    }

    private AdvisorRow row(AdvisorStats s, Advisor profile) {
        List<CurrentRow> interactions = s.current().stream().flatMap(id -> routing.interaction(id).stream())
                .map(v -> new CurrentRow(v.interaction().id().value(), v.interaction().customer().displayName(),
                        v.interaction().channel().name(), v.queue().value(), v.answeredAt().orElse(v.enqueuedAt())))
                .toList();
        return new AdvisorRow(s.advisor().value(), profile.displayName(), profile.region().code(), s.state().name(),
                s.reason().orElse(""), s.timeInState().toSeconds(),
                s.current().stream().map(InteractionId::value).toList(),
                s.offer().map(InteractionId::value).orElse(""), s.node().orElse(""), s.occupancy(), interactions);
    }
}
