package org.mvtm.chatbot.retrieval;

import java.util.Arrays;
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
        if (index.size() < 2) {
            return null;
        }
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(labels.get(i));
        }
        float[][] weights = prototypes(y, index.size(), features);
        double[] bias = new double[index.size()];
        new Training(weights, bias, settings).run(y, features);
        String[] ids = new String[index.size()];
        index.forEach((id, i) -> ids[i] = id);
        return new IntentHead(ids, weights, bias);
    }

    /** The mean feature vector of each FAQ: the starting weights. */
    private static float[][] prototypes(int[] y, int classes, List<float[]> features) {
        int dim = features.get(0).length;
        double[][] sum = new double[classes][dim];
        int[] count = new int[classes];
        for (int i = 0; i < y.length; i++) {
            float[] x = features.get(i);
            if (x.length != dim) {
                throw new IllegalArgumentException("feature vector " + i + " has " + x.length + " dimensions, not " + dim);
            }
            count[y[i]]++;
            for (int d = 0; d < dim; d++) {
                sum[y[i]][d] += x[d];
            }
        }
        float[][] w = new float[classes][dim];
        for (int c = 0; c < classes; c++) {
            for (int d = 0; d < dim; d++) {
                w[c][d] = (float) (sum[c][d] / count[c]);
            }
        }
        return w;
    }

    /** Full-batch gradient steps on the softmax cross-entropy with L2, updating the weights and biases in place. */
    private static final class Training {
        private final float[][] w;
        private final double[] b;
        private final Settings settings;
        private final float[][] gw;
        private final double[] gb;
        private final double[] p;
        private final Adam adamW;
        private final Adam adamB;

        Training(float[][] w, double[] b, Settings settings) {
            this.w = w;
            this.b = b;
            this.settings = settings;
            this.gw = new float[w.length][w[0].length];
            this.gb = new double[w.length];
            this.p = new double[w.length];
            this.adamW = new Adam(w.length * w[0].length);
            this.adamB = new Adam(w.length);
        }

        void run(int[] y, List<float[]> features) {
            for (int step = 1; step <= settings.steps(); step++) {
                for (float[] row : gw) {
                    Arrays.fill(row, 0f);
                }
                Arrays.fill(gb, 0);
                for (int i = 0; i < y.length; i++) {
                    accumulate(features.get(i), y[i], y.length);
                }
                update(step);
            }
        }

        /** Adds one example's gradient: temperature * (softmax - onehot) / n, times x for the weights. */
        private void accumulate(float[] x, int label, int n) {
            double t = settings.temperature();
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                p[c] = t * (VectorUtil.dotProduct(w[c], x) + b[c]);
                max = Math.max(max, p[c]);
            }
            double sum = 0;
            for (int c = 0; c < w.length; c++) {
                p[c] = Math.exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < w.length; c++) {
                double pc = p[c] / sum;
                if (pc < NEGLIGIBLE && c != label) {
                    continue; // a FAQ this example is nowhere near: its gradient would change nothing
                }
                double g = t * (pc - (c == label ? 1 : 0)) / n;
                gb[c] += g;
                float gf = (float) g;
                float[] row = gw[c];
                for (int d = 0; d < row.length; d++) {
                    row[d] += gf * x[d];
                }
            }
        }

        private void update(int step) {
            int dim = w[0].length;
            for (int c = 0; c < w.length; c++) {
                float[] row = w[c];
                for (int d = 0; d < dim; d++) {
                    row[d] -= (float) adamW.step(c * dim + d, gw[c][d] + settings.l2() * row[d], step,
                            settings.learningRate());
                }
                b[c] -= adamB.step(c, gb[c], step, settings.learningRate());
            }
        }
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
