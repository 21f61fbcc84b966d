package org.mvtm.chatbot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.retrieval.*;

/** Developer tool: sweeps fusion weights on BANKING77 rows 11-20 of each intent (never used by the eval test). */
public final class TuneFusion {
    public static void main(String[] a) throws Exception {
        Banking77 b = Banking77.load(10);
        Path tmp = Files.createTempFile("b77", ".csv");
        Files.writeString(tmp, b.kbCsv());
        KnowledgeBase kb = new KnowledgeBaseSource(List.of(tmp)).load();
        BgeEmbedder en = BgeEmbedder.english(Executors.newFixedThreadPool(2));
        List<String> texts = kb.variants().stream().map(v -> v.text()).toList();
        long t0 = System.nanoTime();
        List<float[]> vecs = en.embedAll(texts);
        System.out.println("embedded " + texts.size() + " in " + (System.nanoTime() - t0) / 1e6 + " ms");
        List<IndexedVariant> iv = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            iv.add(new IndexedVariant(kb.variants().get(i).faqId(), Pool.EN, texts.get(i), texts.get(i), vecs.get(i)));
        }
        FaqIndex index = new FaqIndex(new Analyzers(), iv);
        boolean dev = a.length > 0 && a[0].equals("dev");
        List<Banking77.Row> q;
        if (dev) {
            Banking77 b20 = Banking77.load(20);
            q = b20.kb.stream().filter(r -> !b.kb.contains(r)).toList();
        } else {
            q = b.sample(2000, 77);
        }
        t0 = System.nanoTime();
        List<float[]> qv = new ArrayList<>();
        for (Banking77.Row r : q) qv.add(en.embed(r.text()));
        System.out.println("queries " + q.size() + " embedded in " + (System.nanoTime() - t0) / 1e6 + " ms");
        for (RetrievalMode m : new RetrievalMode[]{RetrievalMode.PLAIN_BM25, RetrievalMode.BM25}) {
            Ranker r = new Ranker(index, m, Fusion.DEFAULT);
            int ok = 0;
            for (Banking77.Row row : q) {
                var c = r.rank(Pool.EN, row.text(), row.text(), null, -1, null);
                if (!c.isEmpty() && c.get(0).faqId().equals(row.intent())) ok++;
            }
            System.out.printf("%s top1=%.4f%n", m, ok / (double) q.size());
        }
        for (double cw : new double[]{0, 0.5, 1, 2}) for (double lw : new double[]{0, 0.05, 0.1}) {
            for (double sw : new double[]{0, 0.3, 0.5}) {
                Ranker r = new Ranker(index, RetrievalMode.HYBRID, new Fusion(lw, sw, cw, 64));
                int ok = 0;
                for (int i = 0; i < q.size(); i++) {
                    var c = r.rank(Pool.EN, q.get(i).text(), q.get(i).text(), qv.get(i), -1, null);
                    if (!c.isEmpty() && c.get(0).faqId().equals(q.get(i).intent())) ok++;
                }
                System.out.printf("cw=%.1f lw=%.2f sw=%.2f top1=%.4f%n", cw, lw, sw, ok / (double) q.size());
            }
        }
        System.exit(0);
    }
}
