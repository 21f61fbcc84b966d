package org.mvtm.media.support;

import org.mvtm.core.Party;
import org.mvtm.core.media.LegKind;

/** What every adapter's leg is to the {@link CallLegs} bookkeeping: its id within the call and whose leg it is. */
public abstract class CallLeg {
    public final String id;
    public final Party party;

    protected CallLeg(String id, Party party) {
        this.id = id;
        this.party = party;
    }

    /** What the leg carries: the call's camera and microphone unless it is a shared screen. */
    public LegKind kind() {
        return LegKind.CALL;
    }
}
