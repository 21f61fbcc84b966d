package org.mvtm.sip.ivr;

import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;

/** What the IVR does next for a caller: speak a prompt, or hand the caller to an advisor. */
sealed interface IvrAction {

    /** Speak {@code text} in {@code language} to the caller (and listen again after it). */
    record Say(String text, Language language) implements IvrAction {
    }

    /** Route the caller to an advisor with the same kind of context a web hand-off carries. */
    record ToAdvisor(HandoffContext context) implements IvrAction {
    }
}
