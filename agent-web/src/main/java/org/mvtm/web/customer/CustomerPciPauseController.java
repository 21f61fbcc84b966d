package org.mvtm.web.customer;

import java.security.Principal;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.pci.PciPauseEndpoints;
import org.mvtm.web.pci.PciPauses;
import org.mvtm.web.security.CurrentUser;
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
class CustomerPciPauseController extends PciPauseEndpoints {
    private final WebConversations conversations;

    CustomerPciPauseController(WebConversations conversations, PciPauses pauses) {
        super(pauses);
        this.conversations = conversations;
    }

    @Override
    protected Asker asker(String id, Principal principal) {
        WebUser me = CurrentUser.require(principal);
        return new Asker(conversations.connectedCall(me, id, "only a conversation connected with an advisor is recorded"),
                me.username(), RecordingPaused.Party.CUSTOMER);
    }
}
