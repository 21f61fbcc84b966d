package org.mvtm.web.agent;

import java.security.Principal;
import org.mvtm.core.event.RecordingPaused;
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
 * The advisor's PCI pause button: {@code POST /api/agent/interactions/{id}/pci-pause {paused, reason}} pauses or
 * resumes the recording of an interaction connected with the signed-in advisor (403 otherwise); {@code GET} reads
 * whether it is paused (the customer may have paused it from their app).
 */
@RestController
@RequestMapping("/api/agent/interactions/{id}/pci-pause")
class AdvisorPciPauseController {
    private final AdvisorDesks desks;
    private final PciPauses pauses;

    AdvisorPciPauseController(AdvisorDesks desks, PciPauses pauses) {
        this.desks = desks;
        this.pauses = pauses;
    }

    @GetMapping
    PciPauses.State get(@PathVariable String id, Principal principal) {
        return pauses.state(desks.connectedCall(CurrentUser.require(principal), id).interaction());
    }

    @PostMapping
    PciPauses.State set(@PathVariable String id, @RequestBody PciPauseChange change, Principal principal) {
        AdvisorDesks.ConnectedCall mine = desks.connectedCall(CurrentUser.require(principal), id);
        return pauses.set(mine.interaction(), change, mine.advisor().value(), RecordingPaused.Party.ADVISOR);
    }
}
