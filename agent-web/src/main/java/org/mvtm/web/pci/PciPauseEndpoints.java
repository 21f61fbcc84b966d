package org.mvtm.web.pci;

import java.security.Principal;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.core.id.InteractionId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The PCI pause endpoints of one party, under the path its controller maps with an {@code {id}}: {@code GET} reads
 * whether the recording of the interaction is paused, {@code POST {paused, reason}} pauses or resumes it. The
 * controller says which interaction the signed-in user may pause and as whom ({@link #asker}), refusing otherwise.
 */
public abstract class PciPauseEndpoints {
    /** Who asks to pause the recording of {@code interaction}: {@code by} as {@code party}. */
    public record Asker(InteractionId interaction, String by, RecordingPaused.Party party) {
    }

    private final PciPauses pauses;

    protected PciPauseEndpoints(PciPauses pauses) {
        this.pauses = pauses;
    }

    /** The interaction {@code id} names, if the signed-in user may pause its recording, and who they are. */
    protected abstract Asker asker(String id, Principal principal);

    @GetMapping
    public PciPauses.State get(@PathVariable String id, Principal principal) {
        return pauses.state(asker(id, principal).interaction());
    }

    @PostMapping
    public PciPauses.State set(@PathVariable String id, @RequestBody PciPauseChange change, Principal principal) {
        Asker asker = asker(id, principal);
        return pauses.set(asker.interaction(), change, asker.by(), asker.party());
    }
}
