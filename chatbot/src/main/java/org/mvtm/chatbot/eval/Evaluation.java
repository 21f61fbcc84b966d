package org.mvtm.chatbot.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.kb.CsvReader;

/** Scores an assistant's ranking on labelled queries: top-1 accuracy, mean reciprocal rank and latency. */
public final class Evaluation {
    /** One labelled query. */
    public record Query(String text, String expectedFaqId) {
    }

    /**
     * @param misses the first misses (text, expected, got) for diagnosis
     */
    public record Result(String mode, int n, double top1, double mrr, double p50Ms, double p99Ms, List<String> misses) {
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"mode\":\"%s\",\"n\":%d,\"top1\":%.4f,\"mrr\":%.4f,\"p50Ms\":%.2f,\"p99Ms\":%.2f}",
                    mode, n, top1, mrr, p50Ms, p99Ms);
        }
    }

    private Evaluation() {
    }

    /** Reads {@code text,expected_faq_id} CSV. */
    public static List<Query> readQueries(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            List<CsvReader.Record> records = new CsvReader(file.toString()).read(r);
            if (records.isEmpty() || !records.get(0).fields().equals(List.of("text", "expected_faq_id"))) {
                throw new KnowledgeBaseException(file + " line 1: header must be text,expected_faq_id");
            }
            List<Query> out = new ArrayList<>();
            for (CsvReader.Record rec : records.subList(1, records.size())) {
                if (rec.fields().size() != 2) {
                    throw new KnowledgeBaseException(file + " line " + rec.line() + ": expected 2 fields but found "
                            + rec.fields().size());
                }
                out.add(new Query(rec.fields().get(0), rec.fields().get(1).trim()));
            }
            return out;
        }
    }

    public static Result run(String mode, Assistant assistant, List<Query> queries) {
        // warm-up: JIT and ONNX session, not measured
        for (int i = 0; i < Math.min(20, queries.size()); i++) {
            assistant.search(queries.get(i).text(), 10);
        }
        double[] ms = new double[queries.size()];
        int top1 = 0;
        double rr = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            long t0 = System.nanoTime();
            List<FaqMatch> ranked = assistant.search(q.text(), 10);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            int rank = -1;
            for (int r = 0; r < ranked.size(); r++) {
                if (ranked.get(r).faqId().equals(q.expectedFaqId())) {
                    rank = r;
                    break;
                }
            }
            if (rank == 0) {
                top1++;
            } else if (misses.size() < 40) {
                misses.add(q.text() + " => expected " + q.expectedFaqId() + ", got "
                        + (ranked.isEmpty() ? "nothing" : ranked.get(0).faqId()));
            }
            if (rank >= 0) {
                rr += 1.0 / (rank + 1);
            }
        }
        int n = queries.size();
        return new Result(mode, n, n == 0 ? 0 : (double) top1 / n, n == 0 ? 0 : rr / n, percentile(ms, 0.50),
                percentile(ms, 0.99), misses);
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
