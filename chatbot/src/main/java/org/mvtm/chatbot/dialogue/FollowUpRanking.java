package org.mvtm.chatbot.dialogue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.Ranking;

/**
 * The candidates for a follow-up ({@link FollowUp}): two rankings, one of the added words read with the previous
 * question ("credit cards how do I change my daily transfer limit") and one of the added words alone ("credit cards"),
 * each without the FAQ already answered and renormalised, multiplied FAQ by FAQ (the second weighted less). An FAQ must fit both (a credit card
 * question about a limit) to come first; one that fits only the previous question (another transfer FAQ) or only the
 * added words (how to apply for a card) falls behind.
 */
final class FollowUpRanking {
    /** The confidence an FAQ missing from one ranking is given in it: small, not zero, so one ranking alone can decide. */
    private static final double ABSENT = 0.001;

    private FollowUpRanking() {
    }

    /** The ranking without the answered FAQ, its confidences renormalised to sum to 1, in rank order. */
    static Map<String, FaqMatch> withoutAnswered(Ranking ranking, String answered) {
        List<FaqMatch> rest = ranking.matches().stream().filter(m -> !m.faqId().equals(answered)).toList();
        double sum = rest.stream().mapToDouble(FaqMatch::confidence).sum();
        Map<String, FaqMatch> out = new LinkedHashMap<>();
        for (FaqMatch m : rest) {
            out.put(m.faqId(), new FaqMatch(m.faqId(), m.question(), m.score(),
                    sum <= 0 ? 1.0 / rest.size() : m.confidence() / sum));
        }
        return out;
    }

    /**
     * The added words alone ("credit cards") say little more than which product the customer means, so their ranking
     * counts as its square root: it breaks ties within the previous question's intent rather than overriding it.
     */
    private static final double ALONE_WEIGHT = 0.5;

    /**
     * The product of the ranking with the previous question and (weighted by {@link #ALONE_WEIGHT}) the ranking of the
     * added words alone, FAQ by FAQ, renormalised.
     */
    static Map<String, FaqMatch> fuse(Map<String, FaqMatch> withPrevious, Map<String, FaqMatch> alone) {
        Map<String, FaqMatch> a = withPrevious;
        Map<String, FaqMatch> b = alone;
        Set<String> ids = new HashSet<>(a.keySet());
        ids.addAll(b.keySet());
        Map<String, Double> product = new LinkedHashMap<>();
        for (String id : ids) {
            product.put(id, confidence(a, id) * Math.pow(confidence(b, id), ALONE_WEIGHT));
        }
        double sum = product.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, FaqMatch> out = new LinkedHashMap<>();
        for (String id : ids) {
            FaqMatch m = a.containsKey(id) ? a.get(id) : b.get(id);
            out.put(id, new FaqMatch(id, m.question(), m.score(), product.get(id) / sum));
        }
        return out;
    }

    /** Best first. */
    static List<FaqMatch> best(Map<String, FaqMatch> ranked) {
        return ranked.values().stream().sorted(Comparator.comparingDouble(FaqMatch::confidence).reversed()).toList();
    }

    private static double confidence(Map<String, FaqMatch> ranked, String id) {
        FaqMatch m = ranked.get(id);
        return m == null ? ABSENT : Math.max(ABSENT, m.confidence());
    }
}
