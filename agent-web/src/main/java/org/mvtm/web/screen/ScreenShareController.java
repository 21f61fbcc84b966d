package org.mvtm.web.screen;

import java.security.Principal;
import java.util.Map;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaException;
import org.mvtm.web.customer.WebConversations;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screen sharing ({@link ScreenShares}). The advisor of a connected call: {@code GET
 * /api/agent/interactions/{id}/screen} answers {@code {available, reason, sharing}} ({@code reason SIP_CALLER}: the
 * customer is on a phone line); {@code POST .../screen/leg {sdp}} answers {@code {legId, sdp}} for the screen leg;
 * {@code POST .../screen {sharing}} starts or stops sharing. The customer: {@code GET
 * /api/customer/conversations/{id}/screen} answers {@code {sharing}}; {@code POST .../screen/leg {sdp}} answers the
 * page's receiving leg. Errors: 400 {@code {field, message}}, 403 not yours, 404 no such call, 409 nothing to share
 * with (a SIP caller) or the relay refused.
 */
@RestController
class ScreenShareController {
    private final ScreenShares shares;
    private final WebConversations conversations;

    ScreenShareController(ScreenShares shares, WebConversations conversations) {
        this.shares = shares;
        this.conversations = conversations;
    }

    record Offer(String sdp) {
    }

    record Change(Boolean sharing) {
    }

    @GetMapping("/api/agent/interactions/{id}/screen")
    ScreenShares.Status status(@PathVariable String id, Principal principal) {
        return shares.status(me(principal), interaction(id));
    }

    @PostMapping("/api/agent/interactions/{id}/screen/leg")
    ScreenShares.Answer advisorLeg(@PathVariable String id, @RequestBody Offer offer, Principal principal) {
        return shares.advisorOffer(me(principal), interaction(id), offer == null ? null : offer.sdp());
    }

    @PostMapping("/api/agent/interactions/{id}/screen")
    ScreenShares.Status share(@PathVariable String id, @RequestBody Change change, Principal principal) {
        if (change == null || change.sharing() == null) {
            throw new IllegalArgumentException("sharing: true to share the screen, false to stop");
        }
        return shares.share(me(principal), interaction(id), change.sharing());
    }

    @GetMapping("/api/customer/conversations/{id}/screen")
    Map<String, Boolean> customerStatus(@PathVariable String id, Principal principal) {
        return Map.of("sharing", shares.sharing(customersCall(id, principal)));
    }

    @PostMapping("/api/customer/conversations/{id}/screen/leg")
    ScreenShares.Answer customerLeg(@PathVariable String id, @RequestBody Offer offer, Principal principal) {
        return shares.customerOffer(customersCall(id, principal), offer == null ? null : offer.sdp());
    }

    private static AgentId me(Principal principal) {
        return CallRefused.advisor(CurrentUser.require(principal));
    }

    private static InteractionId interaction(String id) {
        return CallRefused.interaction(id);
    }

    private InteractionId customersCall(String id, Principal principal) {
        return conversations.connectedCall(CurrentUser.require(principal), id,
                "a screen is shared only in a call with an advisor");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, message.startsWith("sharing") ? "sharing" : "sdp", message);
    }

    @ExceptionHandler(MediaException.class)
    ResponseEntity<Map<String, String>> media(MediaException e) {
        return ErrorAnswer.media(e.getMessage());
    }
}
