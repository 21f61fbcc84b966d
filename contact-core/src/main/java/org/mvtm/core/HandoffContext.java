package org.mvtm.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chatbot hands to a person: the customer's language, the product it thinks the question is about,
 * the FAQ entries it tried, why it handed off, and the transcript so far.
 */
public record HandoffContext(
        Language language,
        Optional<Product> likelyProduct,
        List<String> faqsTried,
        Reason reason,
        List<TranscriptTurn> transcript) {
    public enum Reason {
        CUSTOMER_ASKED,
        LOW_CONFIDENCE,
        UNANSWERED_TURNS,
        DIRECT_CALL
    }

    public HandoffContext {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reason, "reason");
        likelyProduct = likelyProduct == null ? Optional.empty() : likelyProduct;
        faqsTried = List.copyOf(faqsTried == null ? List.of() : faqsTried);
        transcript = List.copyOf(transcript == null ? List.of() : transcript);
    }

    /** A caller who came straight in (SIP call, app call button) without talking to the bot. */
    public static HandoffContext direct(Language language) {
        return new HandoffContext(language, Optional.empty(), List.of(), Reason.DIRECT_CALL, List.of());
    }
}
