package org.mvtm.web.supervisor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.InputLimits;
import org.mvtm.web.security.RequestRefused;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a supervisor may do beyond looking, only within their regions: set an advisor Not ready or log them out with a
 * reason, and move a waiting customer to another queue. Every action is written to the audit log (who, what, why) and
 * published ({@link AdvisorStateForced}, so the recordings of the advisor's interactions mark it; a moved customer's
 * recording shows the new queue). An advisor in a conversation (BUSY) is set Not ready once their last interaction
 * ends; the change is announced and audited at once.
 */
@Component
public class SupervisorActions implements DisposableBean {
    /** What was done: {@code applied} false when it waits for the advisor's conversation to end. */
    public record Done(String type, String action, String target, boolean applied) {
    }

    private final RoutingEngine routing;
    private final EventBus events;
    private final Clock clock;
    private final Optional<AdministrationService> admin;
    /**
     * Forced changes waiting for the advisor's conversations to end, given on this node or relayed from another: the
     * node where the conversations end applies it, so it holds when the supervisor's node dies meanwhile.
     */
    private final Map<AgentId, AdvisorStateForced> pending = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    SupervisorActions(RoutingEngine routing, EventBus events, Clock clock, ObjectProvider<AdministrationService> admin) {
        this.routing = routing;
        this.events = events;
        this.clock = clock;
        this.admin = Optional.ofNullable(admin.getIfAvailable());
        this.subscriptions = List.of(
                events.subscribe(AdvisorStateForced.class, f -> {
                    if (f.afterConversations()) {
                        pending.put(f.advisor(), f);
                    }
                }),
                events.subscribe(AdvisorStateChanged.class, e -> {
                    if (e.to() == AdvisorState.WRAP_UP || e.to() == AdvisorState.READY) {
                        AdvisorStateForced due = pending.remove(e.advisor());
                        // applied once, by the node whose routing made the change; the others forget their copy
                        if (due != null && !events.relayed()) {
                            Thread.ofVirtual().name("forced state " + e.advisor()).start(() -> apply(due));
                        }
                    }
                }));
    }

    /** Sets {@code agentId} Not ready ({@code state} NOT_READY) or logs them out (LOGGED_OUT) for {@code reason}. */
    public Done forceState(WebUser supervisor, String agentId, String state, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw RequestRefused.bad("reason", "a reason is required: the advisor and the audit log are told why");
        }
        InputLimits.check("reason", why, InputLimits.REASON);
        AdvisorState to = switch (state == null ? "" : state) {
            case "NOT_READY" -> AdvisorState.NOT_READY;
            case "LOGGED_OUT" -> AdvisorState.LOGGED_OUT;
            default -> throw RequestRefused.bad("state",
                    "state must be NOT_READY or LOGGED_OUT but was '" + state + "'");
        };
        Advisor advisor = advisorInScope(supervisor, agentId);
        AdvisorStats now = routing.advisorStats().stream().filter(s -> s.advisor().equals(advisor.id())).findFirst()
                .orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND, "agentId",
                        "advisor " + agentId + " is not known to routing"));
        boolean busy = now.state() == AdvisorState.BUSY;
        AdvisorStateForced forced = new AdvisorStateForced(clock.instant(), advisor.id(), supervisor.username(), to, why,
                now.current(), busy);
        if (!busy) {
            apply(forced);
        }
        audit(supervisor, to == AdvisorState.LOGGED_OUT ? "force-logout" : "force-not-ready", "advisor", agentId,
                Map.of("from", now.state().name(), "to", to.name(), "reason", why,
                        "interactions", now.current().stream().map(InteractionId::value).toList(),
                        "applied", busy ? "when the advisor's conversations end" : "now"));
        events.publish(forced);
        return new Done("done", "force-" + to.name(), agentId, !busy);
    }

    /** Moves a waiting customer to {@code queue}; they keep their place in arrival order. */
    public Done moveWaiting(WebUser supervisor, String interactionId, String queue) {
        if (queue == null || queue.isBlank()) {
            throw RequestRefused.bad("queue", "a queue to move the customer to is required");
        }
        InteractionId id = InteractionId.of(interactionId);
        InteractionView view = routing.interaction(id)
                .orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND, "interactionId",
                        "no customer " + interactionId + " in routing"));
        if (!supervisor.maySee(view.interaction().customer().region())) {
            throw new RequestRefused(HttpStatus.FORBIDDEN, "interactionId", "customer " + interactionId
                    + " is in region " + view.interaction().customer().region().code() + ", outside your regions "
                    + supervisor.regions());
        }
        if (view.status() != InteractionStatus.QUEUED) {
            throw new RequestRefused(HttpStatus.CONFLICT, "interactionId",
                    "customer " + interactionId + " is " + view.status() + ", not waiting");
        }
        QueueId target = QueueId.of(queue.strip());
        if (routing.queues().stream().map(QueueConfig::id).noneMatch(target::equals)) {
            throw RequestRefused.bad("queue", "unknown queue '" + queue + "'; queues: "
                    + routing.queues().stream().map(q -> q.id().value()).sorted().toList());
        }
        try {
            routing.moveWaiting(id, target);
        } catch (IllegalStateException e) {
            throw new RequestRefused(HttpStatus.CONFLICT, "interactionId", e.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", view.queue().value());
        detail.put("to", target.value());
        audit(supervisor, "move-queue", "interaction", interactionId, detail);
        return new Done("done", "move", interactionId, true);
    }

    /** The waiting customers of the supervisor's regions. */
    public List<InteractionView> waiting(WebUser supervisor) {
        return routing.waiting().stream().filter(w -> supervisor.maySee(w.interaction().customer().region())).toList();
    }

    private Advisor advisorInScope(WebUser supervisor, String agentId) {
        Advisor advisor = routing.advisors().stream().filter(a -> a.id().value().equals(agentId)).findFirst()
                .orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND, "agentId", "no advisor " + agentId));
        if (!supervisor.maySee(advisor.region())) {
            throw new RequestRefused(HttpStatus.FORBIDDEN, "agentId", "advisor " + agentId + " works in region "
                    + advisor.region().code() + ", outside your regions " + supervisor.regions());
        }
        return advisor;
    }

    private void apply(AdvisorStateForced f) {
        try {
            AdvisorState state = routing.advisorStats().stream().filter(s -> s.advisor().equals(f.advisor()))
                    .map(AdvisorStats::state).findFirst().orElse(AdvisorState.LOGGED_OUT);
            if (state == AdvisorState.RESERVED) { // the offer on the advisor's screen goes to the next advisor
                routing.advisorStats().stream().filter(s -> s.advisor().equals(f.advisor())).findFirst()
                        .flatMap(AdvisorStats::offer).ifPresent(offer -> routing.noAnswer(offer, f.advisor()));
            }
            if (state != AdvisorState.LOGGED_OUT) {
                routing.notReady(f.advisor(), "supervisor: " + f.reason());
            }
            if (f.to() == AdvisorState.LOGGED_OUT) {
                routing.logout(f.advisor());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new RequestRefused(HttpStatus.CONFLICT, "agentId", e.getMessage());
        }
    }

    private void audit(WebUser supervisor, String action, String entity, String id, Object detail) {
        admin.ifPresent(a -> a.auditAction(supervisor.username(), action, entity, id, detail));
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
