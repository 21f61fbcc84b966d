package org.mvtm.web.agent;

import java.security.Principal;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.web.pci.PciPauseEndpoints;
import org.mvtm.web.pci.PciPauses;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The advisor's PCI pause button: {@code POST /api/agent/interactions/{id}/pci-pause {paused, reason}} pauses or
 * resumes the recording of an interaction connected with the signed-in advisor (403 otherwise); {@code GET} reads
 * whether it is paused (the customer may have paused it from their app).
 */
@RestController
@RequestMapping("/api/agent/interactions/{id}/pci-pause")
class AdvisorPciPauseController extends PciPauseEndpoints {
    private final AdvisorDesks desks;

    AdvisorPciPauseController(AdvisorDesks desks, PciPauses pauses) {
        super(pauses);
        this.desks = desks;
    }

    @Override
    protected Asker asker(String id, Principal principal) {
        AdvisorDesks.ConnectedCall mine = desks.connectedCall(CurrentUser.require(principal), id);
        return new Asker(mine.interaction(), mine.advisor().value(), RecordingPaused.Party.ADVISOR);
    }
}
