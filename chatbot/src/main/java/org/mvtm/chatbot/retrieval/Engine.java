package org.mvtm.chatbot.retrieval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mvtm.chatbot.api.FaqMatch;
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
    private final Map<Pool, Calibration> calibration = new EnumMap<>(Pool.class);

    private Engine(KnowledgeBase kb, FaqIndex index, RetrievalMode mode, Embedders embedders, QueryPreparer preparer) {
        this.kb = kb;
        this.index = index;
        this.mode = mode;
        this.embedders = embedders;
        this.preparer = preparer;
        this.ranker = new Ranker(index, mode, Fusion.DEFAULT);
        for (Pool p : Pool.values()) {
            calibration.put(p, fitCalibration(p));
        }
    }

    /** Prepares, embeds and indexes every question variant, then fits the calibration. */
    public static Engine build(KnowledgeBase kb, RetrievalMode mode, Embedders embedders, QueryPreparer preparer,
                               Analyzers analyzers) {
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
                rows.add(new IndexedVariant(v.faqId(), p, v.text(), preparer.prepare(v.text(), lang), null));
            }
        }
        if (mode == RetrievalMode.HYBRID) {
            for (Map.Entry<Pool, List<Integer>> e : byPool.entrySet()) {
                List<String> texts = e.getValue().stream().map(i -> rows.get(i).prepared()).toList();
                List<float[]> vectors = embedders.of(e.getKey()).embedAll(texts);
                for (int j = 0; j < texts.size(); j++) {
                    int i = e.getValue().get(j);
                    IndexedVariant r = rows.get(i);
                    rows.set(i, new IndexedVariant(r.faqId(), r.pool(), r.original(), r.prepared(), vectors.get(j)));
                }
            }
        }
        return new Engine(kb, new FaqIndex(analyzers, rows), mode, embedders, preparer);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public int indexedVariants() {
        return index.size();
    }

    /** Ranks FAQs for text in a language; confidences are calibrated. */
    public List<FaqMatch> search(String text, Language language, int limit) {
        Pool pool = Pool.of(language);
        String prepared = preparer.prepare(text, language);
        float[] vector = mode == RetrievalMode.HYBRID ? embedders.of(pool).embed(prepared) : null;
        List<Candidate> ranked = ranker.rank(pool, text, prepared, vector, -1, null);
        Calibration cal = calibration.get(pool);
        List<FaqMatch> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Candidate c = ranked.get(i);
            double bestOther = i == 0 ? (ranked.size() > 1 ? ranked.get(1).fused() : c.fused() - 1)
                    : ranked.get(0).fused();
            double p = cal.probability(c.fused(), c.fused() - bestOther);
            out.add(new FaqMatch(c.faqId(), c.variant(), c.fused(), Math.max(0, Math.min(1, p))));
        }
        return out;
    }

    public Calibration calibration(Pool pool) {
        return calibration.get(pool);
    }

    private Calibration fitCalibration(Pool pool) {
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
            List<Candidate> ranked = ranker.rank(pool, v.original(), v.prepared(), v.vector(), d, null);
            if (!ranked.isEmpty()) {
                Candidate top = ranked.get(0);
                double second = ranked.size() > 1 ? ranked.get(1).fused() : top.fused() - 1;
                samples.add(new Calibration.Sample(top.fused(), top.fused() - second, top.faqId().equals(v.faqId())));
            }
            // every second variant asked without its whole FAQ: a question the knowledge base cannot answer
            if ((i / step) % 2 == 0) {
                List<Candidate> without = ranker.rank(pool, v.original(), v.prepared(), v.vector(), d, v.faqId());
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
