package org.mvtm.chatbot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.chatbot.api.RetrievalMode;

/**
 * Ranks FAQs for one prepared query: collects BM25 and nearest-neighbour hits at the variant level, aggregates
 * them per FAQ and fuses them ({@link Fusion}), adding the {@link IntentHead}'s score when there is one. In BM25 mode only the lexical evidence is used; in plain-BM25
 * mode the raw text is matched with a StandardAnalyzer over every variant.
 */
public record Ranker(FaqIndex index, RetrievalMode mode, Fusion fusion) {
    /**
     * @param raw        the customer's text (for the plain baseline)
     * @param prepared   the text prepared for the pool (Simplified / Mandarinized Chinese, or English)
     * @param vector     its embedding, or null in BM25 modes
     * @param excludeDoc a document to ignore (leave-one-out calibration), or -1
     * @param excludeFaq a whole FAQ to ignore (calibration of "not in the knowledge base"), or null
     * @param head       the intent head's score per FAQ, or null
     */
    public List<Candidate> rank(Pool pool, String raw, String prepared, float[] vector, int excludeDoc,
                                String excludeFaq, Map<String, Double> head) {
        int depth = Math.min(fusion.depth(), Math.max(1, index.size()));
        List<Hit> lexical = mode == RetrievalMode.PLAIN_BM25 ? index.plainBm25(raw, depth)
                : index.bm25(pool, prepared, depth);
        Map<String, double[]> perFaq = new HashMap<>(); // [best cos, second cos, best bm25, dense seen]
        Map<String, String> bestVariant = new HashMap<>();
        double maxBm25 = 0;
        for (Hit h : lexical) {
            if (h.doc() == excludeDoc || h.faqId().equals(excludeFaq)) {
                continue;
            }
            double[] s = perFaq.computeIfAbsent(h.faqId(), k -> new double[4]);
            if (h.score() > s[2]) {
                s[2] = h.score();
            }
            maxBm25 = Math.max(maxBm25, h.score());
            bestVariant.putIfAbsent(h.faqId(), h.variant());
        }
        double floorCos = 0;
        Map<String, Double> centroid = new HashMap<>();
        if (vector != null && mode == RetrievalMode.HYBRID) {
            List<Hit> dense = index.nearest(pool, vector, depth);
            floorCos = dense.isEmpty() ? 0 : dense.get(dense.size() - 1).score();
            Map<String, String> denseBest = new HashMap<>();
            for (Hit h : dense) {
                if (h.doc() == excludeDoc || h.faqId().equals(excludeFaq)) {
                    continue;
                }
                double[] s = perFaq.computeIfAbsent(h.faqId(), k -> new double[4]);
                if (s[3] == 0) {
                    s[0] = h.score();
                    s[3] = 1;
                    denseBest.put(h.faqId(), h.variant());
                } else if (s[3] == 1) {
                    s[1] = h.score();
                    s[3] = 2;
                }
            }
            bestVariant.putAll(denseBest);
            if (fusion.centroidWeight() > 0) {
                float[] excluded = excludeDoc >= 0 ? index.variant(excludeDoc).vector() : null;
                String excludedFaq = excludeDoc >= 0 ? index.variant(excludeDoc).faqId() : null;
                for (Map.Entry<String, float[]> c : index.centroidSums(pool).entrySet()) {
                    if (c.getKey().equals(excludeFaq)) {
                        continue;
                    }
                    double cos = cosine(vector, c.getValue(), c.getKey().equals(excludedFaq) ? excluded : null);
                    double[] s = perFaq.get(c.getKey());
                    if (s == null && cos > floorCos) {
                        s = perFaq.computeIfAbsent(c.getKey(), k -> new double[4]);
                    }
                    if (s != null) {
                        centroid.put(c.getKey(), cos);
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(perFaq.size());
        for (Map.Entry<String, double[]> e : perFaq.entrySet()) {
            double[] s = e.getValue();
            double lex = maxBm25 > 0 ? s[2] / maxBm25 : 0;
            double fused;
            double dense = 0;
            if (mode == RetrievalMode.HYBRID && vector != null) {
                double best = s[3] >= 1 ? s[0] : floorCos;
                double second = s[3] >= 2 ? s[1] : (s[3] == 1 ? Math.min(best, floorCos) : floorCos);
                dense = best;
                fused = best + fusion.secondWeight() * second + fusion.lexicalWeight() * lex
                        + fusion.centroidWeight() * centroid.getOrDefault(e.getKey(), floorCos);
            } else {
                fused = s[2];
            }
            double evidence = fused;
            if (head != null && mode == RetrievalMode.HYBRID) {
                fused += fusion.headWeight() * head.getOrDefault(e.getKey(), 0.0);
            }
            String variant = bestVariant.get(e.getKey());
            out.add(new Candidate(e.getKey(), variant != null ? variant : e.getKey(), fused, evidence, dense, lex));
        }
        out.sort(Comparator.comparingDouble(Candidate::fused).reversed().thenComparing(Candidate::faqId));
        return out;
    }

    /** Cosine of a unit vector with the normalised (sum - minus). */
    private static double cosine(float[] q, float[] sum, float[] minus) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < q.length; i++) {
            double x = minus == null ? sum[i] : sum[i] - minus[i];
            dot += q[i] * x;
            norm += x * x;
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }
}
