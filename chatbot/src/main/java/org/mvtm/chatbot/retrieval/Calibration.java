package org.mvtm.chatbot.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Platt scaling of the ranker's scores into a probability that the FAQ is right:
 * {@code p = sigmoid(a + b * fused + c * margin)}, where margin is the FAQ's fused score minus the best other
 * FAQ's. Fitted per pool by logistic regression on leave-one-out queries of the knowledge base itself (each
 * question variant asked against the index without it), so it adapts to every knowledge base and mode.
 */
public record Calibration(double a, double b, double c) {
    /** Used when a pool has too few variants to fit (fewer than 2 variants of some FAQ, or one FAQ only). */
    public static final Calibration FALLBACK = new Calibration(-4.0, 4.0, 20.0);

    public double probability(double fused, double margin) {
        double z = a + b * fused + c * margin;
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** One leave-one-out observation: the top fused score, its margin, and whether the top FAQ was right. */
    public record Sample(double fused, double margin, boolean correct) {
    }

    /** Logistic regression by gradient descent on standardised features with a little L2 regularisation. */
    public static Calibration fit(List<Sample> samples) {
        long positives = samples.stream().filter(Sample::correct).count();
        if (samples.size() < 20 || positives == 0) {
            return FALLBACK;
        }
        double mf = samples.stream().mapToDouble(Sample::fused).average().orElse(0);
        double mm = samples.stream().mapToDouble(Sample::margin).average().orElse(0);
        double sf = Math.sqrt(samples.stream().mapToDouble(s -> (s.fused() - mf) * (s.fused() - mf)).average().orElse(1));
        double sm = Math.sqrt(samples.stream().mapToDouble(s -> (s.margin() - mm) * (s.margin() - mm)).average().orElse(1));
        sf = sf < 1e-9 ? 1 : sf;
        sm = sm < 1e-9 ? 1 : sm;
        // Too few mistakes to learn from: add pseudo-negatives at the low end so confidence still falls with score.
        List<Sample> data = new ArrayList<>(samples);
        if (samples.size() - positives < 10) {
            for (int i = 0; i < 10; i++) {
                data.add(new Sample(mf - 2.5 * sf * (1 + i / 10.0), 0, false));
            }
        }
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        double lambda = 1e-3;
        for (int iter = 0; iter < 800; iter++) {
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            for (Sample s : data) {
                double x1 = (s.fused() - mf) / sf;
                double x2 = (s.margin() - mm) / sm;
                double p = 1 / (1 + Math.exp(-(w0 + w1 * x1 + w2 * x2)));
                double e = p - (s.correct() ? 1 : 0);
                g0 += e;
                g1 += e * x1;
                g2 += e * x2;
            }
            int n = data.size();
            w0 -= 0.5 * g0 / n;
            w1 -= 0.5 * (g1 / n + lambda * w1);
            w2 -= 0.5 * (g2 / n + lambda * w2);
        }
        // Back to raw features: z = w0 + w1 (f - mf)/sf + w2 (m - mm)/sm
        double b = w1 / sf;
        double c = w2 / sm;
        double a = w0 - b * mf - c * mm;
        return new Calibration(a, b, c);
    }
}
