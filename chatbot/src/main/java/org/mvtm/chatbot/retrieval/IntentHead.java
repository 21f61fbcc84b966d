package org.mvtm.chatbot.retrieval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * A linear FAQ classifier over sentence features, trained at load time on the knowledge base's own question
 * variants: multinomial logistic regression ({@code softmax(temperature * (W·x + b))}), started from the FAQ
 * prototypes (mean feature vector per FAQ, so that step 0 is a nearest-prototype classifier) and moved a few Adam
 * steps towards the boundaries between FAQs that look alike. Nearest-neighbour scores only say "close to this
 * variant"; the head also learns which directions separate, say, "top-up failed" from "top-up reverted".
 *
 * <p>The few steps and the L2 penalty are deliberate: with ten or fewer variants per FAQ a fully fitted
 * classifier memorises them and generalises worse than the prototypes it started from. The settings were chosen
 * on BANKING77 training rows 11-30 of each intent, which the accuracy test never asks.
 *
 * <p>Immutable and thread-safe after {@link #train}.
 */
public final class IntentHead {
    /** Training settings. */
    public record Settings(int steps, double learningRate, double l2, double temperature) {
        public static final Settings DEFAULT = new Settings(20, 0.02, 1e-3, 10.0);
    }

    private static final double NEGLIGIBLE = 1e-4;

    private final String[] faqIds;
    private final float[][] weights; // [faq][dimension]
    private final double[] bias;

    private IntentHead(String[] faqIds, float[][] weights, double[] bias) {
        this.faqIds = faqIds;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param labels   the FAQ of each example
     * @param features one feature vector per example, all of the same dimension
     * @return the head, or null when there is nothing to separate (fewer than two FAQs)
     */
    public static IntentHead train(List<String> labels, List<float[]> features, Settings settings) {
        if (labels.size() != features.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + features.size() + " feature vectors");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String l : labels) {
            index.putIfAbsent(l, index.size());
        }
        int classes = index.size();
        int n = features.size();
        if (classes < 2) {
            return null;
        }
        int dim = features.get(0).length;
        int[] y = new int[n];
        double[][] w = new double[classes][dim];
        int[] count = new int[classes];
        for (int i = 0; i < n; i++) {
            float[] x = features.get(i);
            if (x.length != dim) {
                throw new IllegalArgumentException("feature vector " + i + " has " + x.length + " dimensions, not " + dim);
            }
            y[i] = index.get(labels.get(i));
            count[y[i]]++;
            for (int d = 0; d < dim; d++) {
                w[y[i]][d] += x[d];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int d = 0; d < dim; d++) {
                w[c][d] /= count[c];
            }
        }
        float[][] wf = new float[classes][dim];
        for (int c = 0; c < classes; c++) {
            for (int d = 0; d < dim; d++) {
                wf[c][d] = (float) w[c][d];
            }
        }
        double[] b = new double[classes];
        Adam adamW = new Adam(classes * dim);
        Adam adamB = new Adam(classes);
        double t = settings.temperature();
        double[] p = new double[classes];
        float[][] gw = new float[classes][dim];
        double[] gb = new double[classes];
        for (int step = 1; step <= settings.steps(); step++) {
            for (float[] row : gw) {
                java.util.Arrays.fill(row, 0f);
            }
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < n; i++) {
                float[] x = features.get(i);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    p[c] = t * (VectorUtil.dotProduct(wf[c], x) + b[c]);
                    max = Math.max(max, p[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                for (int c = 0; c < classes; c++) {
                    double pc = p[c] / sum;
                    if (pc < NEGLIGIBLE && c != y[i]) {
                        continue; // a FAQ this example is nowhere near: its gradient would change nothing
                    }
                    double g = t * (pc - (c == y[i] ? 1 : 0)) / n;
                    gb[c] += g;
                    float gf = (float) g;
                    float[] row = gw[c];
                    for (int d = 0; d < dim; d++) {
                        row[d] += gf * x[d];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                float[] row = wf[c];
                for (int d = 0; d < dim; d++) {
                    row[d] -= (float) adamW.step(c * dim + d, gw[c][d] + settings.l2() * row[d], step,
                            settings.learningRate());
                }
                b[c] -= adamB.step(c, gb[c], step, settings.learningRate());
            }
        }
        String[] ids = new String[classes];
        index.forEach((id, i) -> ids[i] = id);
        return new IntentHead(ids, wf, b);
    }

    /** The head's input: the primary vector, or both views side by side (still of unit length). */
    public static float[] features(float[] primary, float[] second) {
        if (second == null) {
            return primary;
        }
        float[] out = new float[primary.length + second.length];
        float scale = (float) Math.sqrt(0.5);
        for (int i = 0; i < primary.length; i++) {
            out[i] = primary[i] * scale;
        }
        for (int i = 0; i < second.length; i++) {
            out[primary.length + i] = second[i] * scale;
        }
        return out;
    }

    /** The head's score {@code W·x + b} per FAQ (on the scale of a cosine similarity). */
    public Map<String, Double> scores(float[] x) {
        Map<String, Double> out = new HashMap<>(faqIds.length * 2);
        for (int c = 0; c < faqIds.length; c++) {
            out.put(faqIds[c], bias[c] + VectorUtil.dotProduct(weights[c], x));
        }
        return out;
    }

    public int faqs() {
        return faqIds.length;
    }

    /** Adam (Kingma and Ba, 2015) with the usual betas, one moment pair per parameter. */
    private static final class Adam {
        private static final double B1 = 0.9;
        private static final double B2 = 0.999;
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        /** The update of parameter i at step t (from 1) for gradient g. */
        double step(int i, double g, int t, double lr) {
            m[i] = B1 * m[i] + (1 - B1) * g;
            v[i] = B2 * v[i] + (1 - B2) * g * g;
            double mh = m[i] / (1 - power(B1, t));
            double vh = v[i] / (1 - power(B2, t));
            return lr * mh / (Math.sqrt(vh) + 1e-8);
        }

        private double power(double base, int t) {
            if (t != powerStep) {
                powerStep = t;
                power1 = Math.pow(B1, t);
                power2 = Math.pow(B2, t);
            }
            return base == B1 ? power1 : power2;
        }

        private int powerStep = -1;
        private double power1;
        private double power2;
    }
}
