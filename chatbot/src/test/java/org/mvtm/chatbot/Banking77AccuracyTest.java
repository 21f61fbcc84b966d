package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.eval.Evaluation;
import org.mvtm.core.event.InProcessEventBus;

/**
 * BANKING77, 10-shot: the first 10 queries of each intent are the knowledge base; every training row after the
 * 30th of its intent (about 7,700 questions) is asked, and a plain StandardAnalyzer BM25 over the same knowledge
 * base is the baseline in the same run. Rows 11-30 of each intent are the development set on which the fusion
 * weights and the intent head's settings were chosen ({@code TuneFusion}); they are never asked here.
 */
@Tag("slow")
class Banking77AccuracyTest {
    private static final int DEVELOPMENT_ROWS = 30;

    @Test
    void tenShotHybridRetrievalAnswersAtLeast87PercentAndBeatsPlainBm25By20Points(@TempDir Path dir)
            throws Exception {
        Banking77 data = Banking77.load(10);
        assertThat(data.kb).hasSize(770);
        Path kb = dir.resolve("banking77-10shot.csv");
        Files.writeString(kb, data.kbCsv());
        List<Evaluation.Query> queries = Banking77.load(DEVELOPMENT_ROWS).rest.stream()
                .map(r -> new Evaluation.Query(r.text(), r.intent())).toList();
        assertThat(queries).hasSizeGreaterThan(7000);

        Evaluation.Result baseline = evaluate(kb, RetrievalMode.PLAIN_BM25, queries);
        Evaluation.Result hybrid = evaluate(kb, RetrievalMode.HYBRID, queries);
        System.out.println("BANKING77 baseline " + baseline.toJson());
        System.out.println("BANKING77 hybrid   " + hybrid.toJson());

        assertThat(hybrid.n()).isEqualTo(queries.size());
        assertThat(hybrid.top1()).as("hybrid top-1 on BANKING77 (misses: %s)", hybrid.misses())
                .isGreaterThanOrEqualTo(0.87);
        assertThat(hybrid.top1() - baseline.top1()).as("points above plain BM25 (%s)", baseline.toJson())
                .isGreaterThanOrEqualTo(0.20);
    }

    private static Evaluation.Result evaluate(Path kb, RetrievalMode mode, List<Evaluation.Query> queries) {
        AssistantConfig config = AssistantConfig.defaults().withKnowledgeBase(kb).withRetrieval(mode)
                .withReloadInterval(Duration.ZERO);
        try (Assistant assistant = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
            return Evaluation.run(mode.name(), assistant, queries);
        }
    }
}
