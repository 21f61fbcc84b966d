package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 *
 * <p>The same run checks issue 19's aims for abstention: the 106 out-of-scope questions of
 * {@code eval/out-of-scope.csv} (weather, share tips, travel, jokes, football, other banks' products; English,
 * Mandarin, Cantonese; none among the detector's shipped examples in {@code kb/out-of-scope.csv} or the tuning set
 * {@code eval/out-of-scope-tuning.csv}) are asked beside the banking questions, with the thresholds chosen by
 * {@code bench/chatbot-abstention.sh tuning} on rows 11-30 and the tuning questions only. Top-1 counts the banking
 * questions alone, so one hybrid engine serves both checks.
 */
@Tag("slow")
class Banking77AccuracyTest {
    private static final int DEVELOPMENT_ROWS = 30;
    /** Highest answer threshold that keeps coverage at 0.90 or more on the tuning rows (0.916 there). */
    private static final double ANSWER_CONFIDENCE = 0.30;
    /** Detector threshold: no tuning row lost coverage above -0.10; -0.05 keeps a margin. */
    private static final double OUT_OF_SCOPE_MARGIN = -0.05;

    @Test
    void tenShotHybridRetrievalAnswersAtLeast87PercentBeatsPlainBm25By20PointsAndAbstainsOnOutOfScopeQuestions(
            @TempDir Path dir)
            throws Exception {
        Banking77 data = Banking77.load(10);
        assertThat(data.kb).hasSize(770);
        Path kb = dir.resolve("banking77-10shot.csv");
        Files.writeString(kb, data.kbCsv());
        List<Evaluation.Query> queries = Banking77.load(DEVELOPMENT_ROWS).rest.stream()
                .map(r -> new Evaluation.Query(r.text(), r.intent())).toList();
        assertThat(queries).hasSizeGreaterThan(7000);

        List<Evaluation.Query> outOfScope = Evaluation.readQueries(
                Path.of(getClass().getResource("/eval/out-of-scope.csv").toURI()));
        assertThat(outOfScope).hasSizeGreaterThanOrEqualTo(100).allMatch(q -> q.expectedFaqId().isEmpty());
        List<Evaluation.Query> withOutOfScope = new ArrayList<>(queries);
        withOutOfScope.addAll(outOfScope);

        Evaluation.Result baseline = evaluate(AssistantConfig.defaults().withKnowledgeBase(kb)
                .withRetrieval(RetrievalMode.PLAIN_BM25), queries);
        Evaluation.Result hybrid = evaluate(AssistantConfig.defaults().withKnowledgeBase(kb)
                .withThresholds(ANSWER_CONFIDENCE, AssistantConfig.defaults().choiceMargin(), 0.2)
                .withOutOfScopeMargin(OUT_OF_SCOPE_MARGIN), withOutOfScope);
        System.out.println("BANKING77 baseline " + baseline.toJson());
        System.out.println("BANKING77 hybrid   " + hybrid.toJson());

        assertThat(hybrid.n()).isEqualTo(withOutOfScope.size());
        assertThat(hybrid.outOfScopeRows()).isEqualTo(outOfScope.size());
        assertThat(hybrid.top1()).as("hybrid top-1 on BANKING77 (misses: %s)", hybrid.misses())
                .isGreaterThanOrEqualTo(0.87);
        assertThat(hybrid.top1() - baseline.top1()).as("points above plain BM25 (%s)", baseline.toJson())
                .isGreaterThanOrEqualTo(0.20);
        assertThat(hybrid.falseAnswerRate()).as("out-of-scope questions answered with an FAQ (%s)", hybrid.misses())
                .isLessThanOrEqualTo(0.05);
        assertThat(hybrid.coverage()).as("banking questions answered rather than abstained (%s)", hybrid.toJson())
                .isGreaterThanOrEqualTo(0.90);
        assertThat(hybrid.selectiveAccuracy()).as("answered ones right").isGreaterThan(hybrid.top1());
    }

    private static Evaluation.Result evaluate(AssistantConfig config, List<Evaluation.Query> queries) {
        try (Assistant assistant = Assistants.create(config.withReloadInterval(Duration.ZERO), Clock.systemUTC(),
                new InProcessEventBus())) {
            return Evaluation.run(config.retrieval().name(), assistant, queries);
        }
    }
}
