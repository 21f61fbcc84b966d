package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.eval.Evaluation;
import org.mvtm.core.event.InProcessEventBus;

/**
 * 210 held-out Mandarin and Cantonese paraphrases (colloquial and code-mixed, none of them in the knowledge base)
 * against the shipped knowledge base: top-1 at least 0.90.
 */
class ChineseAndCantoneseAccuracyTest {
    @Test
    void heldOutMandarinAndCantoneseParaphrasesFindTheRightFaq() throws Exception {
        Path file = Path.of(getClass().getResource("/eval/zh-yue-heldout.csv").toURI());
        List<Evaluation.Query> queries = Evaluation.readQueries(file);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(150);
        AssistantConfig config = AssistantConfig.defaults().withReloadInterval(Duration.ZERO);
        Evaluation.Result hybrid;
        Evaluation.Result baseline;
        try (Assistant assistant = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
            hybrid = Evaluation.run("hybrid", assistant, queries);
        }
        try (Assistant assistant = Assistants.create(config.withRetrieval(RetrievalMode.PLAIN_BM25), Clock.systemUTC(),
                new InProcessEventBus())) {
            baseline = Evaluation.run("plain-bm25", assistant, queries);
        }
        System.out.println("zh/yue held-out hybrid   " + hybrid.toJson());
        System.out.println("zh/yue held-out baseline " + baseline.toJson());
        hybrid.misses().forEach(m -> System.out.println("  miss: " + m));
        assertThat(hybrid.top1()).as("top-1 on held-out zh/yue paraphrases (misses: %s)", hybrid.misses())
                .isGreaterThanOrEqualTo(0.90);
    }
}
