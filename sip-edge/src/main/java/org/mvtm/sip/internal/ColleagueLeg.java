package org.mvtm.sip.internal;

import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * The B2BUA's leg towards a colleague's desk phone, invited into a connected call (consult or three-way call) by the
 * call's advisor. The same UAC dialog as {@link AdvisorLeg}, so the same states and transition table
 * ({@link AdvisorLeg#TABLE}); unlike an advisor leg it takes no part in routing: answering does not accept an offer
 * and hanging up does not end the call.
 */
final class ColleagueLeg extends StatefulCallPart<AdvisorLeg.State> {
    final InteractionId interaction;
    final AgentId colleague;
    ClientTransaction invite;
    Dialog dialog;
    ScheduledFuture<?> deadline;

    ColleagueLeg(InteractionId interaction, AgentId colleague) {
        super(AdvisorLeg.TABLE, interaction + "/colleague " + colleague, AdvisorLeg.State.CALLING);
        this.interaction = interaction;
        this.colleague = colleague;
    }

    boolean ringing() {
        return state() == AdvisorLeg.State.CALLING || state() == AdvisorLeg.State.RINGING;
    }
}
