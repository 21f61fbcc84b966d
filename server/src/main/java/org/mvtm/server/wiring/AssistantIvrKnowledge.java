package org.mvtm.server.wiring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;
import org.mvtm.server.config.IvrProperties;
import org.mvtm.sip.api.IvrKnowledge;

/**
 * The IVR's knowledge from the assistant: each configured queue's topics with their titles, the FAQ answers, and
 * what a caller said answered by the same turn as a chat line ({@code Assistant.reply} on a conversation of its
 * own, forgotten at once), so the assistant's abstention decides here too: only an ANSWER is spoken.
 */
record AssistantIvrKnowledge(Assistant assistant, IvrProperties settings) implements IvrKnowledge {
    @Override
    public List<Topic> topics(String queue, Language language) {
        return settings.queues().getOrDefault(queue, List.of()).stream()
                .map(id -> new Topic(id, title(id, language), Optional.empty())).toList();
    }

    private String title(String faqId, Language language) {
        Map<String, String> titles = settings.titles().getOrDefault(faqId, Map.of());
        String title = titles.get(language.tag());
        return title != null ? title : faqId.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> answer(String faqId, Language language) {
        return assistant.answer(faqId, language);
    }

    @Override
    public Optional<Topic> find(String callerSaid, Language language) {
        ConversationId turn = ConversationId.random();
        try {
            assistant.greet(turn, Optional.of(language));
            BotReply reply = assistant.reply(turn, callerSaid);
            if (reply.kind() != ReplyKind.ANSWER || reply.faqIds().isEmpty()) {
                return Optional.empty();
            }
            String id = reply.faqIds().get(0);
            return Optional.of(new Topic(id, title(id, language), Optional.empty()));
        } finally {
            assistant.forget(turn);
        }
    }
}
