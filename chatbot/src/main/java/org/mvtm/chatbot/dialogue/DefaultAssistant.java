package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseStatus;
import org.mvtm.chatbot.api.LanguageDetector;
import org.mvtm.core.Language;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;

/** Work in progress: the api is published first so that dependants compile. */
public final class DefaultAssistant implements Assistant {
    public DefaultAssistant(AssistantConfig config, Clock clock, EventBus events) {
        throw new UnsupportedOperationException("chatbot implementation lands in the next commit");
    }
    @Override public BotReply greet(ConversationId c, Optional<Language> p) { throw new UnsupportedOperationException(); }
    @Override public BotReply reply(ConversationId c, String t) { throw new UnsupportedOperationException(); }
    @Override public BotReply reply(ConversationId c, String m, String t) { throw new UnsupportedOperationException(); }
    @Override public BotReply handOff(ConversationId c) { throw new UnsupportedOperationException(); }
    @Override public boolean handedOff(ConversationId c) { throw new UnsupportedOperationException(); }
    @Override public Optional<Language> language(ConversationId c) { throw new UnsupportedOperationException(); }
    @Override public List<FaqMatch> search(String text, int limit) { throw new UnsupportedOperationException(); }
    @Override public Optional<String> answer(String faqId, Language language) { throw new UnsupportedOperationException(); }
    @Override public LanguageDetector detector() { throw new UnsupportedOperationException(); }
    @Override public KnowledgeBaseStatus knowledgeBase() { throw new UnsupportedOperationException(); }
    @Override public boolean reloadIfChanged() { throw new UnsupportedOperationException(); }
    @Override public void forget(ConversationId c) { }
    @Override public void close() { }
}
