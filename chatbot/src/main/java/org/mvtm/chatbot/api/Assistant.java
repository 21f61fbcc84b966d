package org.mvtm.chatbot.api;

import java.util.List;
import java.util.Optional;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * The multilingual FAQ assistant. One instance serves every conversation of a node; all methods are thread-safe
 * and CPU-bound (no I/O on the calling thread except the knowledge-base reload, which runs on the assistant's own
 * background thread). Calls for the same conversation are serialised; different conversations run in parallel.
 *
 * <p>Per conversation it keeps the language, the unanswered-turn count, the FAQs tried, the transcript and whether
 * the conversation was handed off. On handoff it publishes {@code BotHandedOff} on the {@code EventBus} exactly once
 * per conversation; afterwards every reply is {@link ReplyKind#SILENT}.
 */
public interface Assistant extends AutoCloseable {

    /** Opens (or re-opens) a conversation with a greeting in the preferred language (English when absent). */
    BotReply greet(ConversationId conversation, Optional<Language> preferred);

    /** Answers one customer message. Never throws for any text, including null, empty, huge, emoji or markup. */
    BotReply reply(ConversationId conversation, String customerText);

    /**
     * Answers one customer message identified by the channel's message id. A retry with the same id returns the
     * same reply without counting the turn again or publishing anything again.
     */
    BotReply reply(ConversationId conversation, String messageId, String customerText);

    /**
     * The customer pressed "talk to a person" (button, SIP menu): hands off now with reason
     * {@code CUSTOMER_ASKED}. Idempotent: the second call returns {@link ReplyKind#SILENT} and publishes nothing.
     */
    BotReply handOff(ConversationId conversation);

    /** Whether this conversation has been handed to a person. */
    boolean handedOff(ConversationId conversation);

    /** The language the conversation is held in, once known. */
    Optional<Language> language(ConversationId conversation);

    /** Ranks FAQs for free text (for evaluation and for an advisor's FAQ search); best first. */
    List<FaqMatch> search(String text, int limit);

    /**
     * As {@link #search}, with the out-of-scope detector's verdict (for evaluation). Without a detector the verdict
     * is {@code NaN}.
     */
    default Ranking rank(String text, int limit) {
        return new Ranking(search(text, limit), Double.NaN);
    }

    /** The settings the assistant was built with (its thresholds decide answer, choice, clarify or can't-help). */
    default AssistantConfig config() {
        return AssistantConfig.defaults();
    }

    /** The answer text of an FAQ in a language, if the FAQ exists. */
    Optional<String> answer(String faqId, Language language);

    LanguageDetector detector();

    KnowledgeBaseStatus knowledgeBase();

    /**
     * Checks the knowledge-base files now and reloads them if they changed. A malformed file keeps the previous
     * version in service and is reported in {@link KnowledgeBaseStatus#lastError()}.
     *
     * @return true if a new version was loaded
     */
    boolean reloadIfChanged();

    /**
     * The knowledge base as data an administrator manages (upload, preview, publish, restore), when the assistant
     * was created with a {@link KnowledgeBaseArchive}.
     */
    default Optional<KnowledgeBaseAdmin> administration() {
        return Optional.empty();
    }

    /** Drops all state of a conversation (after it ended). */
    void forget(ConversationId conversation);

    /** Stops the reload thread and frees the index; idempotent. */
    @Override
    void close();
}
