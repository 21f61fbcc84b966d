package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseDraft;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseProblem;
import org.mvtm.chatbot.api.KnowledgeBaseRejected;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.mvtm.chatbot.api.PreviewAnswer;
import org.mvtm.chatbot.kb.SectionValidator;
import org.mvtm.chatbot.kb.Sections;
import org.mvtm.chatbot.retrieval.Engine;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.KnowledgeBasePublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's side of the knowledge base: drafts per language in the archive, a candidate engine built from
 * the drafts over the version in service (kept for the publish that usually follows a preview), versions stored in
 * the archive and swapped into the assistant. Every build runs on one {@code chatbot-kb-build} thread, so builds and
 * publishes never overlap and never run on a caller's (request) thread.
 */
final class KnowledgeBaseAdministration implements KnowledgeBaseAdmin, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseAdministration.class);

    private final DefaultAssistant assistant;
    private final KnowledgeBaseArchive archive;
    private final Clock clock;
    private final EventBus events;
    private final ExecutorService builder =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("chatbot-kb-build").daemon().factory());
    /** The last engine built for a candidate, with the content it was built from; only the build thread uses it. */
    private Candidate candidate;

    private record Candidate(Map<KnowledgeBaseLanguage, String> sections, Engine engine) {
    }

    KnowledgeBaseAdministration(DefaultAssistant assistant, KnowledgeBaseArchive archive, Clock clock, EventBus events) {
        this.assistant = assistant;
        this.archive = archive;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String csv(KnowledgeBaseLanguage language) {
        return assistant.sections().getOrDefault(Objects.requireNonNull(language, "language"), Sections.header());
    }

    @Override
    public Optional<String> draft(KnowledgeBaseLanguage language) {
        return Optional.ofNullable(archive.drafts().get(language));
    }

    @Override
    public List<KnowledgeBaseProblem> validate(KnowledgeBaseLanguage language, byte[] csv) {
        return check(language, csv).problems();
    }

    @Override
    public synchronized KnowledgeBaseDraft upload(KnowledgeBaseLanguage language, byte[] csv) {
        SectionValidator.Result result = check(language, csv);
        if (!result.valid()) {
            throw new KnowledgeBaseRejected("the " + language.tag() + " CSV was not uploaded", result.problems());
        }
        archive.saveDraft(language, result.text());
        log.info("knowledge base: {} draft uploaded ({} FAQs, {} questions)", language.tag(), result.faqs(),
                result.questions());
        return new KnowledgeBaseDraft(language, result.faqs(), result.questions());
    }

    /** Row checks of the file, then the whole candidate with it (an FAQ must have a question somewhere ...). */
    private SectionValidator.Result check(KnowledgeBaseLanguage language, byte[] csv) {
        Objects.requireNonNull(language, "language");
        Map<KnowledgeBaseLanguage, String> candidate = candidateSections();
        SectionValidator.Result result = SectionValidator.check(language, csv == null ? new byte[0] : csv, candidate);
        if (!result.valid()) {
            return result;
        }
        candidate.put(language, result.text());
        try {
            Sections.join(candidate);
            return result;
        } catch (KnowledgeBaseException e) {
            return new SectionValidator.Result(List.of(KnowledgeBaseProblem.at(0, null,
                    "together with the other languages: " + e.getMessage())), result.text(), 0, 0);
        }
    }

    /** The drafts over the version in service. */
    private Map<KnowledgeBaseLanguage, String> candidateSections() {
        Map<KnowledgeBaseLanguage, String> out = new EnumMap<>(KnowledgeBaseLanguage.class);
        out.putAll(assistant.sections());
        out.putAll(archive.drafts());
        return out;
    }

    @Override
    public CompletableFuture<List<PreviewAnswer>> preview(List<String> questions) {
        List<String> asked = List.copyOf(questions);
        return CompletableFuture.supplyAsync(() -> {
            Engine engine = engineFor(candidateSections());
            List<PreviewAnswer> out = new ArrayList<>(asked.size());
            for (String q : asked) {
                out.add(assistant.preview(engine, q));
            }
            return out;
        }, builder);
    }

    @Override
    public CompletableFuture<KnowledgeBaseVersion> publish(String by) {
        Objects.requireNonNull(by, "by");
        return CompletableFuture.supplyAsync(() -> {
            Map<KnowledgeBaseLanguage, String> drafts = archive.drafts();
            if (drafts.isEmpty()) {
                throw new IllegalStateException("nothing to publish: upload a CSV first");
            }
            Map<KnowledgeBaseLanguage, String> next = new EnumMap<>(KnowledgeBaseLanguage.class);
            next.putAll(assistant.sections());
            next.putAll(drafts);
            KnowledgeBaseVersion v = store(next, by, Optional.empty());
            drafts.forEach((l, csv) -> {
                if (csv.equals(archive.drafts().get(l))) { // not replaced by a newer upload meanwhile
                    archive.discardDrafts(List.of(l));
                }
            });
            return v;
        }, builder);
    }

    @Override
    public CompletableFuture<KnowledgeBaseVersion> restore(long version, String by) {
        Objects.requireNonNull(by, "by");
        return CompletableFuture.supplyAsync(() -> {
            Map<KnowledgeBaseLanguage, String> sections = version == 0 ? assistant.startingSections()
                    : archive.sections(version).orElseThrow(() ->
                            new NoSuchElementException("there is no knowledge-base version " + version));
            return store(sections, by, Optional.of(version));
        }, builder);
    }

    /** Builds (or reuses the previewed) engine, stores the version, swaps it in and announces it. */
    private KnowledgeBaseVersion store(Map<KnowledgeBaseLanguage, String> next, String by, Optional<Long> restoredFrom) {
        Map<KnowledgeBaseLanguage, String> current = assistant.sections();
        List<KnowledgeBaseLanguage> changed = changed(current, next);
        Engine engine = engineFor(next);
        long number = Math.max(assistant.publishedVersion(),
                archive.versions().stream().mapToLong(KnowledgeBaseVersion::version).max().orElse(0)) + 1;
        KnowledgeBaseVersion v = new KnowledgeBaseVersion(number, clock.instant(), by, changed, restoredFrom,
                engine.knowledgeBase().size());
        archive.store(v, next);
        assistant.install(engine, number, next);
        candidate = null;
        log.info("knowledge base version {} published by {}{}: changed {}, {} FAQs", number, by,
                restoredFrom.map(r -> " (restoring version " + r + ")").orElse(""),
                changed.stream().map(KnowledgeBaseLanguage::tag).toList(), v.faqs());
        events.publish(new KnowledgeBasePublished(v.publishedAt(), changed.stream().map(KnowledgeBaseLanguage::tag)
                .toList(), number, by, restoredFrom));
        return v;
    }

    @Override
    public CompletableFuture<Boolean> adopt(long version) {
        return CompletableFuture.supplyAsync(() -> {
            if (version <= assistant.publishedVersion()) {
                return false;
            }
            Map<KnowledgeBaseLanguage, String> sections = archive.sections(version).orElseThrow(() ->
                    new NoSuchElementException("knowledge-base version " + version + " is not in this node's archive"
                            + " (every node must share one archive)"));
            assistant.install(engineFor(sections), version, sections);
            candidate = null;
            return true;
        }, builder);
    }

    private Engine engineFor(Map<KnowledgeBaseLanguage, String> sections) {
        Candidate c = candidate;
        if (c != null && c.sections().equals(sections)) {
            return c.engine();
        }
        Engine engine = assistant.build(Sections.join(sections));
        candidate = new Candidate(Map.copyOf(sections), engine);
        return engine;
    }

    private static List<KnowledgeBaseLanguage> changed(Map<KnowledgeBaseLanguage, String> before,
                                                       Map<KnowledgeBaseLanguage, String> after) {
        List<KnowledgeBaseLanguage> out = new ArrayList<>();
        for (KnowledgeBaseLanguage l : KnowledgeBaseLanguage.values()) {
            if (!Objects.equals(before.get(l), after.get(l))) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public List<KnowledgeBaseVersion> versions() {
        return archive.versions();
    }

    @Override
    public long currentVersion() {
        return assistant.publishedVersion();
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }

}
