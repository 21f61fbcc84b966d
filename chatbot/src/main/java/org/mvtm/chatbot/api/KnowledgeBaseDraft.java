package org.mvtm.chatbot.api;

/**
 * An accepted upload of one language, waiting to be published.
 *
 * @param language  which CSV
 * @param faqs      FAQs in it
 * @param questions question rows in it
 */
public record KnowledgeBaseDraft(KnowledgeBaseLanguage language, int faqs, int questions) {
}
