package org.mvtm.chatbot.api;

/** What kind of turn the assistant produced. */
public enum ReplyKind {
    /** Opening line of a conversation. */
    GREETING,
    /** One FAQ answered with enough confidence. */
    ANSWER,
    /** The top two FAQs were too close to call: the reply offers both questions as {@link BotReply#choices()}. */
    CHOICE,
    /** The assistant did not understand (empty, emoji only, unknown) and asks the customer to rephrase. */
    CLARIFY,
    /**
     * The question is outside what the assistant knows (weather, share tips, other banks' products...): it says so
     * honestly instead of answering an unrelated FAQ. Counted as unanswered, so the next unanswered turn in a row
     * goes to a person.
     */
    OUT_OF_SCOPE,
    /** The conversation was passed to a person; {@code BotHandedOff} was published (once). */
    HANDOFF,
    /** The conversation is already with a person: the assistant says nothing ({@link BotReply#text()} is empty). */
    SILENT
}
