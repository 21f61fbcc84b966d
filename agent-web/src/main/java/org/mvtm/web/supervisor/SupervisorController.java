package org.mvtm.web.supervisor;

import java.security.Principal;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST twin of the supervisor socket (for scripts and the first paint). */
@RestController
@RequestMapping("/api/supervisor")
class SupervisorController {
    private final SupervisorBoard board;

    SupervisorController(SupervisorBoard board) {
        this.board = board;
    }

    @GetMapping("/snapshot")
    SupervisorBoard.Snapshot snapshot(Principal principal) {
        return board.snapshot(CurrentUser.require(principal));
    }

    @GetMapping("/explanations/{interactionId}")
    SupervisorBoard.Explanation explain(@PathVariable String interactionId) {
        return board.explain(InteractionId.of(interactionId));
    }
}
