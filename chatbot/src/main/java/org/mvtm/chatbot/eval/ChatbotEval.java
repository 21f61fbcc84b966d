package org.mvtm.chatbot.eval;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.event.InProcessEventBus;

/**
 * {@code chatbot-eval --kb KB.csv --queries Q.csv [--baseline bm25|bm25-analyzed]}: prints one JSON object with
 * {@code top1}, {@code mrr}, {@code n}, {@code p50Ms}, {@code p99Ms}. Without {@code --kb} the shipped knowledge
 * base is used. {@code --baseline bm25} scores a plain Lucene StandardAnalyzer BM25 over the same knowledge base;
 * {@code bm25-analyzed} the per-language BM25 without vectors.
 */
public final class ChatbotEval {
    private ChatbotEval() {
    }

    public static void main(String[] args) throws Exception {
        Path kb = null;
        Path queries = null;
        RetrievalMode mode = RetrievalMode.HYBRID;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kb = Path.of(value(args, ++i));
                case "--queries" -> queries = Path.of(value(args, ++i));
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
        List<Evaluation.Query> q;
        try {
            q = Evaluation.readQueries(queries);
        } catch (java.io.IOException | org.mvtm.chatbot.api.KnowledgeBaseException e) {
            usage("cannot read queries " + queries + ": " + e);
            return;
        }
        try (Assistant assistant = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
            System.out.println(Evaluation.run(mode.name().toLowerCase(java.util.Locale.ROOT), assistant, q).toJson());
        } catch (org.mvtm.chatbot.api.KnowledgeBaseException e) {
            usage("cannot load the knowledge base: " + e.getMessage());
        }
        System.exit(0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static <T> T usage(String problem) {
        System.err.println("chatbot-eval: " + problem);
        System.err.println("usage: chatbot-eval [--kb KB.csv] --queries Q.csv [--baseline bm25|bm25-analyzed]");
        System.exit(2);
        return null;
    }
}
