package org.mvtm.chatbot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.retrieval.Analyzers;
import org.mvtm.chatbot.retrieval.FaqIndex;
import org.mvtm.chatbot.retrieval.Fusion;
import org.mvtm.chatbot.retrieval.IndexedVariant;
import org.mvtm.chatbot.retrieval.IntentHead;
import org.mvtm.chatbot.retrieval.OnnxEmbedder;
import org.mvtm.chatbot.retrieval.Pool;
import org.mvtm.chatbot.retrieval.Ranker;

/**
 * Developer tool, not a test: sweeps the fusion weights and the intent head's settings on BANKING77 rows 11-30 of
 * each intent ("dev", never asked by {@link Banking77AccuracyTest}) and prints the same settings on the rows the
 * test asks (31 on) next to them, so a choice made on dev can be checked without being made on the test rows. Run
 * it with {@code bench/chatbot-tune.sh}.
 */
public final class TuneFusion {
    public static void main(String[] a) throws Exception {
        Banking77 b = Banking77.load(10);
        Path tmp = Files.createTempFile("b77", ".csv");
        Files.writeString(tmp, b.kbCsv());
        KnowledgeBase kb = new KnowledgeBaseSource(List.of(tmp)).load();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        OnnxEmbedder en = OnnxEmbedder.english(pool);
        OnnxEmbedder mini = OnnxEmbedder.englishMiniLm(pool);
        List<String> texts = kb.variants().stream().map(v -> v.text()).toList();
        List<float[]> vecs = en.embedAll(texts);
        List<float[]> minis = mini.embedAll(texts);
        List<IndexedVariant> iv = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<float[]> both = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String faq = kb.variants().get(i).faqId();
            iv.add(new IndexedVariant(faq, Pool.EN, texts.get(i), texts.get(i), vecs.get(i)));
            labels.add(faq);
            both.add(IntentHead.features(vecs.get(i), minis.get(i)));
        }
        FaqIndex index = new FaqIndex(new Analyzers(), iv);
        Banking77 b30 = Banking77.load(30);
        java.util.Set<Banking77.Row> first10 = new java.util.HashSet<>(b.kb);
        List<Banking77.Row> dev = b30.kb.stream().filter(r -> !first10.contains(r)).toList();
        List<Banking77.Row> test = b30.rest;
        Query[] sets = {embed("dev", dev, en, mini), embed("test", test, en, mini)};
        double[][] settings = {{10, 0.01, 1e-3}, {20, 0.01, 1e-3}, {20, 0.02, 1e-3}, {40, 0.01, 1e-3}, {40, 0.02, 1e-3}};
        for (double[] s : settings) {
            IntentHead.Settings hs = new IntentHead.Settings((int) s[0], s[1], s[2], 10);
            long t0 = System.nanoTime();
            IntentHead withMini = IntentHead.train(labels, both, hs);
            IntentHead alone = IntentHead.train(labels, vecs, hs);
            long ms = (System.nanoTime() - t0) / 2_000_000;
            for (double hw : new double[] {0, 0.2, 0.3, 0.5, 0.7, 1.0}) {
                for (double lw : new double[] {0.1}) {
                    Ranker r = new Ranker(index, RetrievalMode.HYBRID, new Fusion(lw, 0.5, 2.0, hw, 64));
                    StringBuilder line = new StringBuilder(String.format("steps=%d lr=%.2f l2=%.0e hw=%.1f lw=%.2f (%d ms/head)",
                            (int) s[0], s[1], s[2], hw, lw, ms));
                    for (Query q : sets) {
                        line.append(String.format("  %s bge+minilm %.4f bge %.4f", q.name, top1(r, q, withMini, true),
                                top1(r, q, alone, false)));
                    }
                    System.out.println(line);
                }
            }
        }
        System.exit(0);
    }

    private record Query(String name, List<Banking77.Row> rows, List<float[]> bge, List<float[]> both) {
    }

    private static Query embed(String name, List<Banking77.Row> rows, OnnxEmbedder en, OnnxEmbedder mini) {
        List<String> t = rows.stream().map(Banking77.Row::text).toList();
        List<float[]> v = en.embedAll(t);
        List<float[]> m = mini.embedAll(t);
        List<float[]> both = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            both.add(IntentHead.features(v.get(i), m.get(i)));
        }
        return new Query(name, rows, v, both);
    }

    private static double top1(Ranker r, Query q, IntentHead head, boolean both) {
        int ok = 0;
        for (int i = 0; i < q.rows.size(); i++) {
            Map<String, Double> hs = head.scores(both ? q.both.get(i) : q.bge.get(i));
            var c = r.rank(Pool.EN, q.rows.get(i).text(), q.rows.get(i).text(), q.bge.get(i), -1, null, hs);
            if (!c.isEmpty() && c.get(0).faqId().equals(q.rows.get(i).intent())) {
                ok++;
            }
        }
        return ok / (double) q.rows.size();
    }
}
