package org.mvtm.web.agent;

import java.security.Principal;
import java.util.Set;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST twin of what the advisor console shows for one customer: the customer context with the bot transcript handed
 * over and the chat since ({@code GET /api/agent/interactions/{id}}). Only for an interaction offered to or connected
 * with the signed-in advisor; anything else is 403, an unknown or finished one 404.
 */
@RestController
@RequestMapping("/api/agent/interactions")
class AdvisorInteractionController {
    private static final Set<InteractionStatus> VISIBLE = Set.of(InteractionStatus.OFFERED, InteractionStatus.CONNECTED);

    private final RoutingEngine routing;
    private final InteractionCatalog catalog;

    AdvisorInteractionController(RoutingEngine routing, InteractionCatalog catalog) {
        this.routing = routing;
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    AgentMessages.CustomerContext context(@PathVariable String id, Principal principal) {
        AgentId me = CallRefused.advisor(CurrentUser.require(principal));
        InteractionId interactionId = CallRefused.interaction(id);
        InteractionView view = routing.interaction(interactionId)
                .filter(v -> v.status() != InteractionStatus.ENDED && v.status() != InteractionStatus.ABANDONED)
                .orElseThrow(() -> CallRefused.notFound("no open interaction " + id));
        if (!VISIBLE.contains(view.status()) || !view.advisor().map(me::equals).orElse(false)) {
            throw CallRefused.forbidden("interaction " + id + " is not offered to or connected with " + me.value());
        }
        Interaction interaction = catalog.find(interactionId).orElse(view.interaction());
        return AgentMessages.CustomerContext.of(interaction, catalog.transcript(interaction));
    }
}
