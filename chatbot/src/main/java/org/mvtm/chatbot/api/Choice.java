package org.mvtm.chatbot.api;

import java.util.Objects;

/** One option offered in a {@link ReplyKind#CHOICE} reply: the FAQ id and its question in the customer's language. */
public record Choice(String faqId, String question) {
    public Choice {
        Objects.requireNonNull(faqId, "faqId");
        Objects.requireNonNull(question, "question");
    }
}
