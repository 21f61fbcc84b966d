package org.mvtm.web.agent;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaException;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Three-way calls ({@link ConferenceCalls}): {@code POST /api/agent/conference/{interactionId}} {@code {"colleague":
 * agentId}} invites (the advisor of the call only); {@code GET /api/agent/conference/invitations} is what the
 * colleague's console shows; {@code POST .../{interactionId}/join} {@code {"sdp"}} answers {@code {"legId","sdp"}};
 * {@code DELETE .../{interactionId}/join} leaves.
 */
@RestController
@RequestMapping("/api/agent/conference")
class ConferenceController {
    private final ConferenceCalls conferences;

    ConferenceController(ConferenceCalls conferences) {
        this.conferences = conferences;
    }

    record Invite(String colleague) {
    }

    record Join(String sdp) {
    }

    private static AgentId me(Principal principal) {
        return CallRefused.advisor(CurrentUser.require(principal));
    }

    private static InteractionId id(String value) {
        return CallRefused.interaction(value);
    }

    @PostMapping("/{interactionId}")
    ResponseEntity<Void> invite(@PathVariable String interactionId, @RequestBody Invite body, Principal principal) {
        if (body.colleague() == null || body.colleague().isBlank()) {
            throw new BadColleague("colleague: name the advisor to invite");
        }
        conferences.invite(me(principal), id(interactionId), AgentId.of(body.colleague().strip()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invitations")
    List<ConferenceCalls.Invitation> invitations(Principal principal) {
        return conferences.invitationsFor(me(principal));
    }

    @PostMapping("/{interactionId}/join")
    Map<String, String> join(@PathVariable String interactionId, @RequestBody Join body, Principal principal) {
        BrowserCallLegs.Answer answer = conferences.join(me(principal), id(interactionId), body.sdp());
        return Map.of("legId", answer.legId(), "sdp", answer.sdp());
    }

    @DeleteMapping("/{interactionId}/join")
    ResponseEntity<Void> leave(@PathVariable String interactionId, Principal principal) {
        conferences.leave(me(principal), id(interactionId));
        return ResponseEntity.noContent().build();
    }

    static final class BadColleague extends IllegalArgumentException {
        BadColleague(String message) {
            super(message);
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        String field = e.getMessage() != null && e.getMessage().startsWith("sdp") ? "sdp" : "colleague";
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, field, e.getMessage());
    }

    @ExceptionHandler(MediaException.class)
    ResponseEntity<Map<String, String>> media(MediaException e) {
        return ErrorAnswer.media(e.getMessage());
    }
}
