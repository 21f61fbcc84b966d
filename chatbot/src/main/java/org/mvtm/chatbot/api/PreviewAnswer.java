package org.mvtm.chatbot.api;

import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.Language;

/**
 * How the candidate knowledge base would answer one test question as a customer's first message.
 *
 * @param question   the test question
 * @param language   the language detected for it
 * @param kind       ANSWER, CHOICE, CLARIFY, GREETING or HANDOFF
 * @param faqId      the best FAQ, if one matched
 * @param confidence calibrated confidence of that FAQ (0 when none)
 * @param handoff    whether the customer would be handed to a person
 * @param text       what the assistant would say
 */
public record PreviewAnswer(String question, Language language, ReplyKind kind, Optional<String> faqId,
                            double confidence, boolean handoff, String text) {
    public PreviewAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        faqId = faqId == null ? Optional.empty() : faqId;
        Objects.requireNonNull(text, "text");
    }
}
