package org.mvtm.chatbot.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.event.InProcessEventBus;

/**
 * {@code chatbot-eval --kb KB.csv --queries Q.csv [--baseline bm25|bm25-analyzed] [--curve]}: prints one JSON
 * object with {@code n}, {@code outOfScope} (rows with an empty expected FAQ), {@code top1}, {@code mrr} (in-scope
 * rows), {@code coverage}, {@code falseAnswerRate}, {@code selectiveAccuracy}, {@code p50Ms}, {@code p99Ms}.
 * {@code --answer-confidence} and {@code --out-of-scope-margin} set the dialogue's thresholds ({@code AssistantConfig}).
 * {@code --curve} adds one line per out-of-scope threshold (coverage against false answers), replayed on the same
 * rankings. Without {@code --kb} the shipped knowledge
 * base is used. {@code --baseline bm25} scores a plain Lucene StandardAnalyzer BM25 over the same knowledge base;
 * {@code bm25-analyzed} the per-language BM25 without vectors.
 */
public final class ChatbotEval {
    /** The answer thresholds {@code --curve} replays. */
    private static final double[] ANSWER_CURVE = {0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50};
    /** The detector thresholds {@code --curve} replays (1.00: the detector never fires). */
    private static final double[] MARGIN_CURVE = {-0.15, -0.10, -0.05, 0.00, 0.05, 1.00};

    private ChatbotEval() {
    }

    public static void main(String[] args) throws Exception {
        Path kb = null;
        Path queries = null;
        RetrievalMode mode = RetrievalMode.HYBRID;
        boolean curve = false;
        Double answerConfidence = null;
        Double outOfScopeMargin = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kb = Path.of(value(args, ++i));
                case "--queries" -> queries = Path.of(value(args, ++i));
                case "--curve" -> curve = true;
                case "--answer-confidence" -> answerConfidence = number(args, ++i, 0, 1);
                case "--out-of-scope-margin" -> outOfScopeMargin = number(args, ++i, -1, 1);
                case "--baseline" -> mode = switch (value(args, ++i)) {
                    case "bm25" -> RetrievalMode.PLAIN_BM25;
                    case "bm25-analyzed" -> RetrievalMode.BM25;
                    default -> usage("unknown baseline '" + args[i] + "' (bm25 or bm25-analyzed)");
                };
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (queries == null) {
            usage("--queries is required");
        }
        AssistantConfig config = AssistantConfig.defaults().withRetrieval(mode).withReloadInterval(Duration.ZERO);
        if (kb != null) {
            config = config.withKnowledgeBase(kb);
        }
        if (answerConfidence != null) {
            config = config.withThresholds(answerConfidence, config.choiceMargin(),
                    Math.min(answerConfidence, config.handoffConfidence()));
        }
        if (outOfScopeMargin != null) {
            config = config.withOutOfScopeMargin(outOfScopeMargin);
        }
        List<Evaluation.Query> q;
        try {
            q = Evaluation.readQueries(queries);
        } catch (IOException | KnowledgeBaseException e) {
            usage("cannot read queries " + queries + ": " + e);
            return;
        }
        try (Assistant assistant = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
            Evaluation.Run run = Evaluation.ask(mode.name().toLowerCase(Locale.ROOT), assistant, q);
            System.out.println(run.result(assistant.config()).toJson());
            if (curve) {
                AssistantConfig base = assistant.config();
                for (double answer : ANSWER_CURVE) {
                    for (double margin : MARGIN_CURVE) {
                        AssistantConfig c = base.withThresholds(answer, base.choiceMargin(),
                                Math.min(answer, base.handoffConfidence())).withOutOfScopeMargin(margin);
                        Evaluation.Result r = run.result(c);
                        System.out.println(String.format(Locale.ROOT,
                                "{\"answerConfidence\":%.2f,\"outOfScopeMargin\":%.2f,\"coverage\":%.4f,"
                                        + "\"falseAnswerRate\":%.4f,\"selectiveAccuracy\":%.4f}",
                                answer, margin, r.coverage(), r.falseAnswerRate(), r.selectiveAccuracy()));
                    }
                }
            }
        } catch (KnowledgeBaseException e) {
            usage("cannot load the knowledge base: " + e.getMessage());
        }
        System.exit(0);
    }

    private static double number(String[] args, int i, double min, double max) {
        String v = value(args, i);
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return usage(args[i - 1] + " must be a number within " + min + ".." + max + " but was '" + v + "'");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static <T> T usage(String problem) {
        System.err.println("chatbot-eval: " + problem);
        System.err.println("usage: chatbot-eval [--kb KB.csv] --queries Q.csv [--baseline bm25|bm25-analyzed] [--curve]"
                + " [--answer-confidence P] [--out-of-scope-margin M]");
        System.exit(2);
        return null;
    }
}
