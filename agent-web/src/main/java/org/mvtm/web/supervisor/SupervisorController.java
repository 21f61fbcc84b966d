package org.mvtm.web.supervisor;

import java.security.Principal;
import java.util.List;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST twin of the supervisor socket (for scripts and the first paint), and the supervisor's actions:
 * {@code POST /advisors/{agentId}/state {state: NOT_READY | LOGGED_OUT, reason}},
 * {@code POST /interactions/{id}/queue {queue}}, {@code GET /waiting}. Refusals are {@code {field, message}}: 400 bad
 * input, 403 outside the supervisor's regions, 404 unknown, 409 not possible in the current state.
 */
@RestController
@RequestMapping("/api/supervisor")
class SupervisorController {
    private final SupervisorBoard board;
    private final SupervisorActions actions;

    SupervisorController(SupervisorBoard board, SupervisorActions actions) {
        this.board = board;
        this.actions = actions;
    }

    record StateChange(String state, String reason) {
    }

    record Move(String queue) {
    }

    @GetMapping("/snapshot")
    SupervisorBoard.Snapshot snapshot(Principal principal) {
        return board.snapshot(CurrentUser.require(principal));
    }

    @GetMapping("/explanations/{interactionId}")
    SupervisorBoard.Explanation explain(Principal principal, @PathVariable String interactionId) {
        return board.explain(CurrentUser.require(principal), InteractionId.of(interactionId));
    }

    @PostMapping("/advisors/{agentId}/state")
    SupervisorActions.Done forceState(Principal principal, @PathVariable String agentId, @RequestBody StateChange change) {
        return actions.forceState(CurrentUser.require(principal), agentId, change.state(), change.reason());
    }

    @PostMapping("/interactions/{interactionId}/queue")
    SupervisorActions.Done move(Principal principal, @PathVariable String interactionId, @RequestBody Move move) {
        return actions.moveWaiting(CurrentUser.require(principal), interactionId, move.queue());
    }

    @GetMapping("/waiting")
    List<SupervisorBoard.WaitingRow> waiting(Principal principal) {
        return board.waiting(CurrentUser.require(principal));
    }
}
