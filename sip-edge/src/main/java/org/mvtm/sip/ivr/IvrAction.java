package org.mvtm.sip.ivr;

import java.util.List;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;

/** What the IVR does next for a caller: speak a prompt, or hand the caller to an advisor. */
sealed interface IvrAction {

    /** Speak the parts in turn, each in its own voice (a greeting offers every language in that language). */
    record Say(List<Part> parts) implements IvrAction {
        Say(String text, Language language) {
            this(List.of(new Part(text, language)));
        }

        String text() {
            return String.join(" ", parts.stream().map(Part::text).toList());
        }
    }

    /** One sentence and the voice that speaks it. */
    record Part(String text, Language language) {
    }

    /** Route the caller to an advisor with the same kind of context a web hand-off carries. */
    record ToAdvisor(HandoffContext context) implements IvrAction {
    }
}
