package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseStatus;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.mvtm.chatbot.api.LanguageDetector;
import org.mvtm.chatbot.api.LanguageGuess;
import org.mvtm.chatbot.api.PreviewAnswer;
import org.mvtm.chatbot.api.Ranking;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.kb.Sections;
import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.chatbot.lang.ScriptLanguageDetector;
import org.mvtm.chatbot.retrieval.Analyzers;
import org.mvtm.chatbot.retrieval.Embedders;
import org.mvtm.chatbot.retrieval.Engine;
import org.mvtm.chatbot.retrieval.Pool;
import org.mvtm.chatbot.retrieval.QueryPreparer;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default assistant: loads and reloads the knowledge base and the retrieval engine, keeps one {@link Conversation}
 * per customer (forgotten after {@link #IDLE_EXPIRY} idle) and answers each turn with {@link DialogueRules}.
 */
public final class DefaultAssistant implements Assistant {
    private static final Logger log = LoggerFactory.getLogger(DefaultAssistant.class);

    private final AssistantConfig config;
    private final Clock clock;
    private final EventBus events;
    private final ChineseNormalizer normalizer = new ChineseNormalizer();
    private final ScriptLanguageDetector detector = new ScriptLanguageDetector(normalizer);
    private final QueryPreparer preparer = new QueryPreparer(normalizer);
    private final Analyzers analyzers = new Analyzers();
    private final KnowledgeBaseSource source;
    private final Embedders embedders;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    private final ConcurrentMap<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reloader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object reloadLock = new Object();
    /** A conversation without activity for this long is forgotten. */
    static final Duration IDLE_EXPIRY = Duration.ofHours(4);
    private static final int SWEEP_EVERY = 256;
    private final AtomicLong accesses = new AtomicLong();

    /**
     * What is in service: the engine, its status, the source files' fingerprint, the published version (0: the
     * shipped or configured files) and the same knowledge base as one CSV per language.
     */
    private record Loaded(Engine engine, KnowledgeBaseStatus status, String fingerprint, long published,
                          Map<KnowledgeBaseLanguage, String> sections) {
    }

    private final KnowledgeBaseAdministration administration;
    private final DialogueRules rules;

    public DefaultAssistant(AssistantConfig config, Clock clock, EventBus events) {
        this(config, clock, events, null);
    }

    /**
     * @param archive where administrators' versions are kept; when it holds a version, the latest one is served
     *                instead of the configured files. Null: no administration.
     */
    public DefaultAssistant(AssistantConfig config, Clock clock, EventBus events, KnowledgeBaseArchive archive) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.rules = new DialogueRules(config, clock, detector);
        this.source = new KnowledgeBaseSource(config.knowledgeBaseFiles());
        // load the embedding models while the knowledge base is parsed and the analysers warm up
        CompletableFuture<Embedders> models = config.retrieval() == RetrievalMode.HYBRID
                ? CompletableFuture.supplyAsync(Embedders::load,
                        r -> Thread.ofPlatform().name("chatbot-model-load").daemon().start(r))
                : CompletableFuture.completedFuture(null);
        Embedders loadedModels = null;
        try {
            String fingerprint = source.fingerprint();
            Optional<KnowledgeBaseVersion> published = archive == null ? Optional.empty()
                    : archive.versions().stream().reduce((a, b) -> b);
            Map<KnowledgeBaseLanguage, String> sections;
            KnowledgeBase kb;
            if (published.isPresent()) {
                sections = archive.sections(published.get().version()).orElseThrow();
                kb = Sections.join(sections);
            } else {
                kb = source.load(); // checks the files before they are split
                sections = source.sections();
            }
            analyzers.terms(Pool.ZH.textField(), preparer.prepare("點樣開戶口", Language.YUE));
            loadedModels = models.join();
            this.embedders = loadedModels;
            Engine engine = Engine.build(kb, config.retrieval(), embedders, preparer, analyzers);
            long version = published.map(KnowledgeBaseVersion::version).orElse(0L);
            loaded.set(new Loaded(engine, version > 0 ? publishedStatus(engine, version)
                    : status(engine, 1, Optional.empty()), fingerprint, version, sections));
        } catch (RuntimeException e) {
            if (loadedModels != null) {
                loadedModels.close();
            } else {
                models.thenAccept(m -> {
                    if (m != null) {
                        m.close();
                    }
                });
            }
            throw e;
        }
        if (!config.reloadInterval().isZero() && !source.shipped()) {
            reloader = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("chatbot-kb-reload").daemon().factory());
            long ms = config.reloadInterval().toMillis();
            reloader.scheduleWithFixedDelay(this::reloadQuietly, ms, ms, TimeUnit.MILLISECONDS);
        } else {
            reloader = null;
        }
        administration = archive == null ? null : new KnowledgeBaseAdministration(this, archive, clock, events);
    }

    private KnowledgeBaseStatus publishedStatus(Engine engine, long version) {
        return new KnowledgeBaseStatus(engine.knowledgeBase().size(), engine.indexedVariants(), clock.instant(),
                version, List.of("knowledge-base version " + version), Optional.empty());
    }

    @Override
    public Optional<KnowledgeBaseAdmin> administration() {
        return Optional.ofNullable(administration);
    }

    // ---------------------------------------------------------------- for KnowledgeBaseAdministration

    /** The knowledge base in service, one CSV per language. */
    Map<KnowledgeBaseLanguage, String> sections() {
        return loaded.get().sections();
    }

    /** The shipped or configured knowledge base the assistant serves when nothing is published (version 0). */
    Map<KnowledgeBaseLanguage, String> startingSections() {
        return source.sections();
    }

    /** The published version in service (0: the shipped or configured files). */
    long publishedVersion() {
        return loaded.get().published();
    }

    /** Builds an engine for a candidate, reusing the pools that did not change from the engine in service. */
    Engine build(KnowledgeBase kb) {
        return Engine.build(kb, config.retrieval(), embedders, preparer, analyzers, loaded.get().engine());
    }

    /** Swaps to a built engine in one step; the next turn of every conversation is answered from it. */
    void install(Engine engine, long version, Map<KnowledgeBaseLanguage, String> sections) {
        synchronized (reloadLock) {
            Loaded current = loaded.get();
            loaded.set(new Loaded(engine, publishedStatus(engine, version), current.fingerprint(), version,
                    Map.copyOf(sections)));
            log.info("knowledge base version {} in service: {} FAQs, {} variants", version,
                    engine.knowledgeBase().size(), engine.indexedVariants());
        }
    }

    /** How an engine would answer a customer's first message, without keeping or publishing anything. */
    PreviewAnswer preview(Engine engine, String question) {
        Conversation c = new Conversation(Language.EN, clock.instant());
        InputText input = InputText.of(question, config.maxAnalyzedChars());
        BotReply r = rules.decide(c, input, engine);
        return new PreviewAnswer(question == null ? "" : question, r.language(), r.kind(), r.topFaqId(),
                r.confidence(), r.kind() == ReplyKind.HANDOFF, r.text());
    }

    private KnowledgeBaseStatus status(Engine engine, long version, Optional<String> error) {
        return new KnowledgeBaseStatus(engine.knowledgeBase().size(), engine.indexedVariants(), clock.instant(),
                version, source.describe(), error);
    }

    // ---------------------------------------------------------------- conversation api

    @Override
    public BotReply greet(ConversationId id, Optional<Language> preferred) {
        Objects.requireNonNull(id, "conversation");
        Language language = preferred == null ? Language.EN : preferred.orElse(Language.EN);
        Conversation c = conversation(id, language);
        synchronized (c) {
            if (c.handedOff()) {
                return DialogueRules.silent(c);
            }
            if (preferred != null && preferred.isPresent()) {
                c.language = language;
                c.languageKnown = true;
            }
            return rules.greeting(c);
        }
    }

    @Override
    public BotReply reply(ConversationId id, String customerText) {
        return reply(id, null, customerText);
    }

    @Override
    public BotReply reply(ConversationId id, String messageId, String customerText) {
        Objects.requireNonNull(id, "conversation");
        Conversation c = conversation(id, Language.EN);
        BotHandedOff toPublish = null;
        BotReply reply;
        synchronized (c) {
            if (messageId != null) {
                BotReply earlier = c.repliesByMessageId.get(messageId);
                if (earlier != null) {
                    return earlier; // a retry: same reply, nothing counted or published again
                }
            }
            if (c.handedOff()) {
                reply = DialogueRules.silent(c);
            } else {
                InputText input = InputText.of(customerText, config.maxAnalyzedChars());
                c.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.CUSTOMER, input.original()));
                reply = rules.decide(c, input, loaded.get().engine());
                if (reply.kind() == ReplyKind.HANDOFF) {
                    toPublish = new BotHandedOff(clock.instant(), id, reply.handoff().orElseThrow());
                }
            }
            if (messageId != null) {
                c.repliesByMessageId.put(messageId, reply);
            }
        }
        if (toPublish != null) {
            events.publish(toPublish);
        }
        return reply;
    }

    @Override
    public BotReply handOff(ConversationId id) {
        Objects.requireNonNull(id, "conversation");
        Conversation c = conversation(id, Language.EN);
        BotReply reply;
        synchronized (c) {
            if (c.handedOff()) {
                return DialogueRules.silent(c);
            }
            reply = rules.handoff(c, HandoffContext.Reason.CUSTOMER_ASKED, 0, List.of());
        }
        events.publish(new BotHandedOff(clock.instant(), id, reply.handoff().orElseThrow()));
        return reply;
    }

    @Override
    public boolean handedOff(ConversationId id) {
        Conversation c = conversations.get(id);
        return c != null && c.handedOff();
    }

    @Override
    public Optional<Language> language(ConversationId id) {
        Conversation c = conversations.get(id);
        if (c == null) {
            return Optional.empty();
        }
        synchronized (c) {
            return c.languageKnown ? Optional.of(c.language) : Optional.empty();
        }
    }

    @Override
    public void forget(ConversationId id) {
        conversations.remove(id);
    }

    // ---------------------------------------------------------------- knowledge api

    @Override
    public List<FaqMatch> search(String text, int limit) {
        return rank(text, limit).matches();
    }

    @Override
    public AssistantConfig config() {
        return config;
    }

    @Override
    public Ranking rank(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
        }
        InputText input = InputText.of(text, config.maxAnalyzedChars());
        if (!input.hasWords()) {
            return new Ranking(List.of(), Double.NaN);
        }
        LanguageGuess guess = detector.detect(input.analysed());
        return loaded.get().engine().rank(input.analysed(), guess.language(), limit);
    }

    @Override
    public Optional<String> answer(String faqId, Language language) {
        return loaded.get().engine().knowledgeBase().faq(faqId).map(f -> f.answer(language));
    }

    @Override
    public LanguageDetector detector() {
        return detector;
    }

    @Override
    public KnowledgeBaseStatus knowledgeBase() {
        return loaded.get().status();
    }

    @Override
    public boolean reloadIfChanged() {
        synchronized (reloadLock) {
            if (closed.get()) {
                return false;
            }
            Loaded current = loaded.get();
            String fingerprint = source.fingerprint();
            if (fingerprint.equals(current.fingerprint()) || current.published() > 0) {
                return false; // an administrator's published version stays in service over the files
            }
            try {
                KnowledgeBase kb = source.load(); // checks the files before they are split
                Map<KnowledgeBaseLanguage, String> sections = source.sections();
                Engine engine = Engine.build(kb, config.retrieval(), embedders, preparer, analyzers);
                loaded.set(new Loaded(engine, status(engine, current.status().version() + 1, Optional.empty()),
                        fingerprint, 0, sections));
                log.info("knowledge base reloaded: {} FAQs, {} variants", engine.knowledgeBase().size(),
                        engine.indexedVariants());
                // the old engine's index stays open for searches still running on it; it is only memory
                return true;
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                log.warn("knowledge base reload failed, keeping version {}: {}", current.status().version(), message);
                KnowledgeBaseStatus s = current.status();
                loaded.set(new Loaded(current.engine(), new KnowledgeBaseStatus(s.faqs(), s.questions(), s.loadedAt(),
                        s.version(), s.sources(), Optional.of(message)), fingerprint, current.published(),
                        current.sections()));
                return false;
            }
        }
    }

    private void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            log.warn("knowledge base reload check failed", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (reloader != null) {
                reloader.shutdownNow();
            }
            if (administration != null) {
                administration.close();
            }
            if (embedders != null) {
                embedders.close();
            }
            loaded.get().engine().close();
            conversations.clear();
        }
    }

    private Conversation conversation(ConversationId id, Language initial) {
        if (closed.get()) {
            throw new IllegalStateException("the assistant is closed");
        }
        Instant now = clock.instant();
        if ((accesses.incrementAndGet() & (SWEEP_EVERY - 1)) == 0) {
            expireIdle(now);
        }
        Conversation c = conversations.computeIfAbsent(id, k -> new Conversation(initial, now));
        c.lastActivity = now;
        return c;
    }

    /**
     * Drops conversations idle for longer than {@link #IDLE_EXPIRY} (a chat that ended with the bot never sees
     * {@code InteractionEnded}, so nobody calls {@link #forget}). Checked every {@value #SWEEP_EVERY} calls.
     */
    int expireIdle(Instant now) {
        Instant limit = now.minus(IDLE_EXPIRY);
        int before = conversations.size();
        conversations.values().removeIf(c -> c.lastActivity.isBefore(limit));
        return before - conversations.size();
    }
}
