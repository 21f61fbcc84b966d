package org.mvtm.server.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.chatbot.api.KnowledgeBaseStatus;
import org.mvtm.chatbot.api.LanguageDetector;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * The assistant, loaded on a background thread so that SIP, media and the consoles are up while the knowledge base
 * is indexed and the embedding models warm up. Calls made before it is ready wait for it (they run on worker virtual
 * threads, never on I/O threads); status queries answer at once.
 */
final class BackgroundAssistant implements Assistant {
    private final CompletableFuture<Assistant> loading;
    private final Clock clock;

    BackgroundAssistant(Supplier<Assistant> factory, Clock clock) {
        this.clock = clock;
        this.loading = new CompletableFuture<>();
        Thread.ofPlatform().name("assistant-loader").daemon().start(() -> {
            try {
                loading.complete(factory.get());
            } catch (Throwable t) {
                loading.completeExceptionally(t);
            }
        });
    }

    boolean ready() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }

    private Assistant await() {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the assistant loads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the assistant failed to load: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public BotReply greet(ConversationId conversation, Optional<Language> preferred) {
        return await().greet(conversation, preferred);
    }

    @Override
    public BotReply reply(ConversationId conversation, String customerText) {
        return await().reply(conversation, customerText);
    }

    @Override
    public BotReply reply(ConversationId conversation, String messageId, String customerText) {
        return await().reply(conversation, messageId, customerText);
    }

    @Override
    public BotReply handOff(ConversationId conversation) {
        return await().handOff(conversation);
    }

    @Override
    public boolean handedOff(ConversationId conversation) {
        return await().handedOff(conversation);
    }

    @Override
    public Optional<Language> language(ConversationId conversation) {
        return await().language(conversation);
    }

    @Override
    public List<FaqMatch> search(String text, int limit) {
        return await().search(text, limit);
    }

    @Override
    public Optional<String> answer(String faqId, Language language) {
        return await().answer(faqId, language);
    }

    @Override
    public LanguageDetector detector() {
        return await().detector();
    }

    @Override
    public KnowledgeBaseStatus knowledgeBase() {
        if (!loading.isDone()) {
            return new KnowledgeBaseStatus(0, 0, clock.instant(), 0, List.of(), Optional.of("loading"));
        }
        if (loading.isCompletedExceptionally()) {
            String why = loading.handle((a, t) -> String.valueOf(t.getCause() != null ? t.getCause() : t)).join();
            return new KnowledgeBaseStatus(0, 0, clock.instant(), 0, List.of(), Optional.of("failed: " + why));
        }
        return loading.join().knowledgeBase();
    }

    @Override
    public Optional<KnowledgeBaseAdmin> administration() {
        return await().administration();
    }

    @Override
    public boolean reloadIfChanged() {
        return ready() && loading.join().reloadIfChanged();
    }

    @Override
    public void forget(ConversationId conversation) {
        await().forget(conversation);
    }

    @Override
    public void close() {
        loading.cancel(false);
        if (ready()) {
            loading.join().close();
        }
    }
}
