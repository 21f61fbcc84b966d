package org.mvtm.chatbot.retrieval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.Ranking;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.Faq;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.core.Language;

/**
 * One loaded version of the knowledge base with its index, ranker and per-pool calibration. Immutable; a reload
 * builds a new engine and swaps it in.
 */
public final class Engine implements AutoCloseable {
    private static final int CALIBRATION_SAMPLES = 160;

    private final KnowledgeBase kb;
    private final FaqIndex index;
    private final Ranker ranker;
    private final RetrievalMode mode;
    private final Embedders embedders;
    private final QueryPreparer preparer;
    private final Map<Pool, Calibration> calibration;
    private final Map<Pool, IntentHead> heads;
    /** Per pool, its variants (FAQ, language, text) in order: equal lists give an equal head and calibration. */
    private final Map<Pool, List<String>> signatures;
    /** Per pool, the unit vectors of the shipped out-of-scope examples (empty in the BM25 modes). */
    private final Map<Pool, List<float[]>> outOfScope;

    private Engine(KnowledgeBase kb, FaqIndex index, Ranker ranker, RetrievalMode mode, Embedders embedders,
                   QueryPreparer preparer, Map<Pool, IntentHead> heads, Map<Pool, Calibration> calibration,
                   Map<Pool, List<String>> signatures, Map<Pool, List<float[]>> outOfScope) {
        this.kb = kb;
        this.index = index;
        this.ranker = ranker;
        this.mode = mode;
        this.embedders = embedders;
        this.preparer = preparer;
        this.heads = heads;
        this.calibration = calibration;
        this.signatures = signatures;
        this.outOfScope = outOfScope;
    }

    /**
     * Prepares, embeds and indexes every question variant, trains each pool's {@link IntentHead} on them and fits
     * each pool's calibration. The pools' heads and calibrations are computed in parallel on virtual threads.
     */
    public static Engine build(KnowledgeBase kb, RetrievalMode mode, Embedders embedders, QueryPreparer preparer,
                               Analyzers analyzers) {
        return build(kb, mode, embedders, preparer, analyzers, null);
    }

    /**
     * As {@link #build(KnowledgeBase, RetrievalMode, Embedders, QueryPreparer, Analyzers)}, but a pool whose variants
     * are the same as in {@code previous} keeps previous's intent head and calibration instead of training and
     * fitting them again (a pool's head and calibration depend only on the pool's own variants). So publishing a new
     * English file leaves the Chinese pool's work undone, and the other way round. Unchanged texts are not embedded
     * again either: the models cache knowledge-base vectors.
     */
    public static Engine build(KnowledgeBase kb, RetrievalMode mode, Embedders embedders, QueryPreparer preparer,
                               Analyzers analyzers, Engine previous) {
        Map<Pool, List<String>> signatures = new EnumMap<>(Pool.class);
        List<IndexedVariant> rows = new ArrayList<>();
        Map<Pool, List<Integer>> byPool = new EnumMap<>(Pool.class);
        for (Faq.Variant v : kb.variants()) {
            List<Pool> pools = switch (v.languageTag()) {
                case "en" -> List.of(Pool.EN);
                case "zh", "yue" -> List.of(Pool.ZH);
                default -> List.of(Pool.EN, Pool.ZH);
            };
            for (Pool p : pools) {
                Language lang = p == Pool.EN ? Language.EN : (v.languageTag().equals("zh") ? Language.ZH : Language.YUE);
                byPool.computeIfAbsent(p, k -> new ArrayList<>()).add(rows.size());
                signatures.computeIfAbsent(p, k -> new ArrayList<>())
                        .add(v.faqId() + '\u0000' + v.languageTag() + '\u0000' + v.text());
                rows.add(new IndexedVariant(v.faqId(), p, v.text(), preparer.prepare(v.text(), lang), null));
            }
        }
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Pool, CompletableFuture<IntentHead>> training = new EnumMap<>(Pool.class);
            if (mode == RetrievalMode.HYBRID) {
                for (Map.Entry<Pool, List<Integer>> e : byPool.entrySet()) {
                    HeadInput input = embed(rows, e.getKey(), e.getValue(), embedders);
                    if (unchanged(previous, e.getKey(), signatures) && previous.heads.containsKey(e.getKey())) {
                        training.put(e.getKey(), CompletableFuture.completedFuture(previous.heads.get(e.getKey())));
                        continue;
                    }
                    training.put(e.getKey(), CompletableFuture.supplyAsync(
                            () -> IntentHead.train(input.labels(), input.features(), IntentHead.Settings.DEFAULT),
                            workers));
                }
            }
            FaqIndex index = new FaqIndex(analyzers, rows);
            Ranker ranker = new Ranker(index, mode, Fusion.DEFAULT);
            Map<Pool, CompletableFuture<Calibration>> fitting = new EnumMap<>(Pool.class);
            for (Pool p : Pool.values()) {
                fitting.put(p, unchanged(previous, p, signatures)
                        ? CompletableFuture.completedFuture(previous.calibration.get(p))
                        : CompletableFuture.supplyAsync(() -> fitCalibration(index, ranker, p), workers));
            }
            Map<Pool, IntentHead> heads = new EnumMap<>(Pool.class);
            training.forEach((p, f) -> {
                IntentHead head = f.join();
                if (head != null) {
                    heads.put(p, head);
                }
            });
            Map<Pool, Calibration> calibration = new EnumMap<>(Pool.class);
            fitting.forEach((p, f) -> calibration.put(p, f.join()));
            Map<Pool, List<float[]>> outOfScope = previous != null ? previous.outOfScope
                    : embedOutOfScope(mode, embedders, preparer);
            return new Engine(kb, index, ranker, mode, embedders, preparer, heads, calibration, signatures,
                    outOfScope);
        }
    }

    /** The shipped out-of-scope examples embedded per pool (Mandarin and Cantonese both in the Chinese pool). */
    private static Map<Pool, List<float[]>> embedOutOfScope(RetrievalMode mode, Embedders embedders,
                                                            QueryPreparer preparer) {
        Map<Pool, List<float[]>> out = new EnumMap<>(Pool.class);
        if (mode != RetrievalMode.HYBRID) {
            return out;
        }
        for (Pool p : Pool.values()) {
            List<String> texts = OutOfScopeExamples.shipped().stream()
                    .filter(e -> Pool.of(e.language()) == p)
                    .map(e -> preparer.prepare(e.text(), e.language())).toList();
            out.put(p, List.copyOf(embedders.of(p).embedAll(texts)));
        }
        return out;
    }

    private static boolean unchanged(Engine previous, Pool pool, Map<Pool, List<String>> signatures) {
        return previous != null && previous.calibration.containsKey(pool)
                && previous.signatures.getOrDefault(pool, List.of()).equals(signatures.getOrDefault(pool, List.of()));
    }

    /** Whether this engine reused {@code previous}'s head and calibration for the pool (for tests). */
    public boolean sharesTrainingWith(Engine previous, Pool pool) {
        return previous != null && calibration.get(pool) == previous.calibration.get(pool)
                && heads.get(pool) == previous.heads.get(pool);
    }

    private record HeadInput(List<String> labels, List<float[]> features) {
    }

    /** Embeds a pool's variants (through the models' caches), stores the vectors in the rows, returns the head's input. */
    private static HeadInput embed(List<IndexedVariant> rows, Pool pool, List<Integer> positions, Embedders embedders) {
        List<String> texts = positions.stream().map(i -> rows.get(i).prepared()).toList();
        List<float[]> vectors = embedders.of(pool).embedAll(texts);
        List<float[]> second = embedders.second(pool).map(m -> m.embedAll(texts)).orElse(null);
        List<float[]> features = new ArrayList<>(texts.size());
        List<String> labels = new ArrayList<>(texts.size());
        for (int j = 0; j < texts.size(); j++) {
            int i = positions.get(j);
            IndexedVariant r = rows.get(i);
            rows.set(i, new IndexedVariant(r.faqId(), r.pool(), r.original(), r.prepared(), vectors.get(j)));
            features.add(IntentHead.features(vectors.get(j), second == null ? null : second.get(j)));
            labels.add(r.faqId());
        }
        return new HeadInput(labels, features);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public int indexedVariants() {
        return index.size();
    }

    /** Ranks FAQs for text in a language; confidences are calibrated. */
    public List<FaqMatch> search(String text, Language language, int limit) {
        return rank(text, language, limit).matches();
    }

    /**
     * Ranks FAQs for text in a language (calibrated confidences) and measures how much closer the text is to the
     * nearest out-of-scope example than to the top FAQ ({@link Ranking#outOfScope()}).
     */
    public Ranking rank(String text, Language language, int limit) {
        Pool pool = Pool.of(language);
        String prepared = preparer.prepare(text, language);
        IntentHead head = heads.get(pool);
        Optional<CompletableFuture<float[]>> secondView = head != null && mode == RetrievalMode.HYBRID
                ? embedders.secondAsync(pool, prepared) : Optional.empty();
        float[] vector = mode == RetrievalMode.HYBRID ? embedders.of(pool).embed(prepared) : null;
        Map<String, Double> headScores = null;
        if (head != null && vector != null) {
            float[] second = secondView.map(CompletableFuture::join).orElse(null);
            headScores = head.scores(IntentHead.features(vector, second));
        }
        List<Candidate> ranked = ranker.rank(pool, text, prepared, vector, -1, null, headScores);
        // Confidence is calibrated on the evidence without the head (see Candidate#evidence): per candidate, its
        // evidence and the margin to the best evidence of any other candidate.
        int best = -1;
        int runnerUp = -1;
        for (int i = 0; i < ranked.size(); i++) {
            if (best < 0 || ranked.get(i).evidence() > ranked.get(best).evidence()) {
                runnerUp = best;
                best = i;
            } else if (runnerUp < 0 || ranked.get(i).evidence() > ranked.get(runnerUp).evidence()) {
                runnerUp = i;
            }
        }
        Calibration cal = calibration.get(pool);
        List<FaqMatch> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Candidate c = ranked.get(i);
            int other = i == best ? runnerUp : best;
            double bestOther = other >= 0 ? ranked.get(other).evidence() : c.evidence() - 1;
            double p = cal.probability(c.evidence(), c.evidence() - bestOther);
            out.add(new FaqMatch(c.faqId(), c.variant(), c.fused(), Math.max(0, Math.min(1, p))));
        }
        List<float[]> examples = outOfScope.getOrDefault(pool, List.of());
        double scope = Double.NaN;
        if (vector != null && !examples.isEmpty()) {
            double nearest = -1;
            for (float[] e : examples) {
                nearest = Math.max(nearest, dot(vector, e));
            }
            scope = nearest - (ranked.isEmpty() ? 0 : ranked.get(0).dense());
        }
        return new Ranking(out, scope);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public Calibration calibration(Pool pool) {
        return calibration.get(pool);
    }

    private static Calibration fitCalibration(FaqIndex index, Ranker ranker, Pool pool) {
        List<Integer> docs = new ArrayList<>();
        for (int d = 0; d < index.size(); d++) {
            if (index.variant(d).pool() == pool) {
                docs.add(d);
            }
        }
        if (docs.size() < 20) {
            return Calibration.FALLBACK;
        }
        int step = Math.max(1, docs.size() / CALIBRATION_SAMPLES);
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < docs.size(); i += step) {
            int d = docs.get(i);
            IndexedVariant v = index.variant(d);
            // the variant asked without itself: is the right FAQ on top?
            List<Candidate> ranked = ranker.rank(pool, v.original(), v.prepared(), v.vector(), d, null, null);
            if (!ranked.isEmpty()) {
                Candidate top = ranked.get(0);
                double second = ranked.size() > 1 ? ranked.get(1).fused() : top.fused() - 1;
                samples.add(new Calibration.Sample(top.fused(), top.fused() - second, top.faqId().equals(v.faqId())));
            }
            // every second variant asked without its whole FAQ: a question the knowledge base cannot answer
            if ((i / step) % 2 == 0) {
                List<Candidate> without = ranker.rank(pool, v.original(), v.prepared(), v.vector(), d, v.faqId(), null);
                if (!without.isEmpty()) {
                    Candidate top = without.get(0);
                    double second = without.size() > 1 ? without.get(1).fused() : top.fused() - 1;
                    samples.add(new Calibration.Sample(top.fused(), top.fused() - second, false));
                }
            }
        }
        return Calibration.fit(samples);
    }

    @Override
    public void close() {
        index.close();
    }
}
