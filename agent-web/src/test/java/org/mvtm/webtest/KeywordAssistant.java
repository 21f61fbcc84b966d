package org.mvtm.webtest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseStatus;
import org.mvtm.chatbot.api.LanguageDetector;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;

/**
 * A keyword assistant for the web tier's tests, used until the chatbot module ships its implementation: greets in
 * the chosen language, answers "card" questions, hands off (publishing BotHandedOff once) on request.
 */
final class KeywordAssistant implements Assistant {
    private final Clock clock;
    private final EventBus events;
    private final Map<ConversationId, Language> languages = new ConcurrentHashMap<>();
    private final Map<ConversationId, List<TranscriptTurn>> transcripts = new ConcurrentHashMap<>();
    private final Map<ConversationId, Boolean> handedOff = new ConcurrentHashMap<>();

    KeywordAssistant(Clock clock, EventBus events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public BotReply greet(ConversationId conversation, Optional<Language> preferred) {
        Language language = preferred.orElse(Language.EN);
        languages.put(conversation, language);
        String text = switch (language) {
            case EN -> "Hello, how can I help you?";
            case ZH -> "您好，请问有什么可以帮您？";
            case YUE -> "你好，有咩可以幫到你？";
        };
        turn(conversation, TranscriptTurn.Speaker.BOT, text);
        return new BotReply(ReplyKind.GREETING, text, language, 0, List.of(), List.of(), Optional.empty());
    }

    @Override
    public BotReply reply(ConversationId conversation, String customerText) {
        Language language = languages.getOrDefault(conversation, Language.EN);
        if (handedOff(conversation)) {
            return new BotReply(ReplyKind.SILENT, "", language, 0, List.of(), List.of(), Optional.empty());
        }
        String text = customerText == null ? "" : customerText.toLowerCase(Locale.ROOT);
        turn(conversation, TranscriptTurn.Speaker.CUSTOMER, customerText == null ? "" : customerText);
        if (text.contains("person") || text.contains("真人") || text.contains("人工")) {
            return handOff(conversation);
        }
        String answer = text.contains("card") || text.contains("卡")
                ? (language == Language.YUE ? "信用卡可以喺手機App度掛失。" : "You can block your card in the app.")
                : (language == Language.YUE ? "唔好意思，可以再講一次嗎？" : "Sorry, could you rephrase that?");
        turn(conversation, TranscriptTurn.Speaker.BOT, answer);
        return new BotReply(ReplyKind.ANSWER, answer, language, 0.9, List.of("cards-1"), List.of(), Optional.empty());
    }

    @Override
    public BotReply reply(ConversationId conversation, String messageId, String customerText) {
        return reply(conversation, customerText);
    }

    @Override
    public BotReply handOff(ConversationId conversation) {
        Language language = languages.getOrDefault(conversation, Language.EN);
        if (handedOff.putIfAbsent(conversation, true) != null) {
            return new BotReply(ReplyKind.SILENT, "", language, 0, List.of(), List.of(), Optional.empty());
        }
        HandoffContext context = new HandoffContext(language, Optional.of(Product.CARDS), List.of("cards-1"),
                HandoffContext.Reason.CUSTOMER_ASKED, transcripts.getOrDefault(conversation, List.of()));
        events.publish(new BotHandedOff(clock.instant(), conversation, context));
        return new BotReply(ReplyKind.HANDOFF, "", language, 0, List.of(), List.of(), Optional.of(context));
    }

    private void turn(ConversationId conversation, TranscriptTurn.Speaker speaker, String text) {
        transcripts.computeIfAbsent(conversation, k -> new ArrayList<>()).add(new TranscriptTurn(clock.instant(), speaker, text));
    }

    @Override public boolean handedOff(ConversationId conversation) { return handedOff.containsKey(conversation); }
    @Override public Optional<Language> language(ConversationId conversation) { return Optional.ofNullable(languages.get(conversation)); }
    @Override public List<FaqMatch> search(String text, int limit) { return List.of(); }
    @Override public Optional<String> answer(String faqId, Language language) { return Optional.empty(); }
    @Override public LanguageDetector detector() { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public KnowledgeBaseStatus knowledgeBase() { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public boolean reloadIfChanged() { return false; }
    @Override public void forget(ConversationId conversation) { languages.remove(conversation); }
    @Override public void close() { }
}
