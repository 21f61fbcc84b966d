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
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.Ranking;
import org.mvtm.chatbot.dialogue.Triage;
import org.mvtm.chatbot.kb.CsvReader;

/**
 * Scores an assistant on labelled queries: top-1 accuracy and mean reciprocal rank of the ranking, and what the
 * dialogue's {@link Triage} does with it: coverage of in-scope rows, false answers to out-of-scope rows (an empty
 * {@code expected_faq_id}), selective accuracy; and latency.
 */
public final class Evaluation {
    /** One labelled query. */
    public record Query(String text, String expectedFaqId) {
    }

    /**
     * @param n                 every row asked
     * @param outOfScopeRows    rows with an empty {@code expected_faq_id}
     * @param top1              top-1 accuracy over the in-scope rows (the ranking, whatever the dialogue decides)
     * @param mrr               mean reciprocal rank over the in-scope rows
     * @param coverage          share of in-scope rows the dialogue answers (ANSWER or CHOICE) rather than abstains
     * @param falseAnswerRate   share of out-of-scope rows answered with an FAQ (ANSWER or CHOICE); 0 without any
     * @param selectiveAccuracy top-1 accuracy among the answered in-scope rows
     * @param misses            the first misses (text, expected, got) for diagnosis
     */
    public record Result(String mode, int n, int outOfScopeRows, double top1, double mrr, double coverage,
                         double falseAnswerRate, double selectiveAccuracy, double p50Ms, double p99Ms,
                         List<String> misses) {
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"mode\":\"%s\",\"n\":%d,\"outOfScope\":%d,\"top1\":%.4f,\"mrr\":%.4f,\"coverage\":%.4f,"
                            + "\"falseAnswerRate\":%.4f,\"selectiveAccuracy\":%.4f,\"p50Ms\":%.2f,\"p99Ms\":%.2f}",
                    mode, n, outOfScopeRows, top1, mrr, coverage, falseAnswerRate, selectiveAccuracy, p50Ms, p99Ms);
        }
    }

    /** What one row got: its ranking and expected FAQ (empty: out of scope), kept to replay other thresholds. */
    public record Asked(Query query, Ranking ranking) {
        boolean inScope() {
            return !query.expectedFaqId().isEmpty();
        }
    }

    /** The rows asked and their rankings, scored with the assistant's thresholds ({@link #result}). */
    public record Run(String mode, List<Asked> asked, double[] latencyMs) {
        public Result result(AssistantConfig config) {
            int inScope = 0;
            int top1 = 0;
            double rr = 0;
            int answered = 0;
            int answeredRight = 0;
            int outOfScope = 0;
            int falseAnswers = 0;
            List<String> misses = new ArrayList<>();
            for (Asked a : asked) {
                boolean answers = Triage.of(config, a.ranking()).answered();
                List<FaqMatch> ranked = a.ranking().matches();
                if (!a.inScope()) {
                    outOfScope++;
                    if (answers) {
                        falseAnswers++;
                        if (misses.size() < 40) {
                            misses.add(a.query().text() + " => out of scope, answered " + ranked.get(0).faqId());
                        }
                    }
                    continue;
                }
                inScope++;
                int rank = -1;
                for (int r = 0; r < ranked.size(); r++) {
                    if (ranked.get(r).faqId().equals(a.query().expectedFaqId())) {
                        rank = r;
                        break;
                    }
                }
                if (rank == 0) {
                    top1++;
                } else if (misses.size() < 40) {
                    misses.add(a.query().text() + " => expected " + a.query().expectedFaqId() + ", got "
                            + (ranked.isEmpty() ? "nothing" : ranked.get(0).faqId()));
                }
                if (rank >= 0) {
                    rr += 1.0 / (rank + 1);
                }
                if (answers) {
                    answered++;
                    answeredRight += rank == 0 ? 1 : 0;
                }
            }
            return new Result(mode, asked.size(), outOfScope, share(top1, inScope), inScope == 0 ? 0 : rr / inScope,
                    share(answered, inScope), share(falseAnswers, outOfScope), share(answeredRight, answered),
                    percentile(latencyMs, 0.50), percentile(latencyMs, 0.99), misses);
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
        return ask(mode, assistant, queries).result(assistant.config());
    }

    /** Asks every query once (after a short warm-up that is not measured) and keeps the rankings. */
    public static Run ask(String mode, Assistant assistant, List<Query> queries) {
        // warm-up: JIT and ONNX session, not measured
        for (int i = 0; i < Math.min(20, queries.size()); i++) {
            assistant.search(queries.get(i).text(), 10);
        }
        double[] ms = new double[queries.size()];
        List<Asked> asked = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            long t0 = System.nanoTime();
            Ranking ranking = assistant.rank(q.text(), 10);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            asked.add(new Asked(q, ranking));
        }
        return new Run(mode, List.copyOf(asked), ms);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
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
