package org.mvtm.chatbot.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;

/**
 * The assistant's answer to one customer turn.
 *
 * @param kind       what kind of turn this is
 * @param text       plain text in the customer's language (never contains the customer's raw markup); empty when
 *                   {@link ReplyKind#SILENT}
 * @param language   the language the assistant detected (or kept) for this conversation; the reply is in it
 * @param confidence calibrated probability (0..1) that {@link #faqIds()}{@code .get(0)} is the right FAQ; 0 when
 *                   no FAQ was matched
 * @param faqIds     best matching FAQ ids, best first (may be empty)
 * @param choices    the options offered when {@link ReplyKind#CHOICE}, otherwise empty
 * @param handoff    the context handed to a person when {@link ReplyKind#HANDOFF}, otherwise empty
 */
public record BotReply(ReplyKind kind, String text, Language language, double confidence, List<String> faqIds,
                       List<Choice> choices, Optional<HandoffContext> handoff) {
    public BotReply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1 but was " + confidence);
        }
        faqIds = List.copyOf(faqIds == null ? List.of() : faqIds);
        choices = List.copyOf(choices == null ? List.of() : choices);
        handoff = handoff == null ? Optional.empty() : handoff;
    }

    /** The best FAQ id, if any FAQ was matched. */
    public Optional<String> topFaqId() {
        return faqIds.isEmpty() ? Optional.empty() : Optional.of(faqIds.get(0));
    }
}
