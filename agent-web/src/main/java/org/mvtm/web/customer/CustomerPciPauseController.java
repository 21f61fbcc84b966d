package org.mvtm.web.customer;

import java.security.Principal;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.pci.PciPauseChange;
import org.mvtm.web.pci.PciPauses;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's side of the PCI pause, for a bank's app (and the customer page's button):
 * {@code POST /api/customer/conversations/{id}/pci-pause {paused, reason}} pauses or resumes the recording while the
 * customer gives their card details, on a conversation of theirs connected with an advisor (404 for another's, 409
 * when no advisor is connected); {@code GET} reads whether it is paused.
 */
@RestController
@RequestMapping("/api/customer/conversations/{id}/pci-pause")
class CustomerPciPauseController {
    private final WebConversations conversations;
    private final PciPauses pauses;

    CustomerPciPauseController(WebConversations conversations, PciPauses pauses) {
        this.conversations = conversations;
        this.pauses = pauses;
    }

    @GetMapping
    PciPauses.State get(@PathVariable String id, Principal principal) {
        return pauses.state(connected(id, principal));
    }

    @PostMapping
    PciPauses.State set(@PathVariable String id, @RequestBody PciPauseChange change, Principal principal) {
        InteractionId interaction = connected(id, principal);
        String me = CurrentUser.require(principal).username();
        return pauses.set(interaction, change, me, RecordingPaused.Party.CUSTOMER);
    }

    private InteractionId connected(String id, Principal principal) {
        return conversations.connectedCall(CurrentUser.require(principal), id,
                "only a conversation connected with an advisor is recorded");
    }
}
