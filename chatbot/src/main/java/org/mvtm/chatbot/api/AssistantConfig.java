package org.mvtm.chatbot.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to build an {@link Assistant}.
 *
 * @param knowledgeBaseFiles CSV files ({@code faq_id,language,question,answer[,product]}); empty means the shipped
 *                           {@code classpath:kb/banking-faq.csv}. A directory stands for every {@code *.csv} in it.
 * @param answerConfidence   at or above this calibrated confidence the assistant answers
 * @param choiceMargin       when the second FAQ's confidence is within this margin of the first (and the first is
 *                           below {@code answerConfidence + choiceMargin}), both are offered as a choice
 * @param handoffConfidence  below this confidence a question with real words goes to a person straight away
 * @param maxUnansweredTurns after this many unanswered turns in a row the conversation goes to a person
 * @param reloadInterval     how often the files are checked for changes; {@link Duration#ZERO} turns reloading off
 * @param retrieval          hybrid (default), per-language BM25 only, or plain BM25 (baselines)
 * @param maxAnalyzedChars   longer customer text is truncated to this many characters for analysis (never fails)
 * @param outOfScopeMargin   the out-of-scope detector's threshold: a question whose {@link Ranking#outOfScope()}
 *                           is above it gets "I can't help with that here" instead of an FAQ (-1..1; lower abstains
 *                           more often)
 */
public record AssistantConfig(List<Path> knowledgeBaseFiles, double answerConfidence, double choiceMargin,
                              double handoffConfidence, int maxUnansweredTurns, Duration reloadInterval,
                              RetrievalMode retrieval, int maxAnalyzedChars,
                              double outOfScopeMargin) {
    /** Chosen on BANKING77 rows 11-30 and the out-of-scope tuning questions (docs/chatbot.md). */
    public static final double DEFAULT_OUT_OF_SCOPE_MARGIN = -0.05;

    public AssistantConfig {
        knowledgeBaseFiles = List.copyOf(Objects.requireNonNull(knowledgeBaseFiles, "knowledgeBaseFiles"));
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        Objects.requireNonNull(retrieval, "retrieval");
        requireUnit("answerConfidence", answerConfidence);
        requireUnit("choiceMargin", choiceMargin);
        requireUnit("handoffConfidence", handoffConfidence);
        if (handoffConfidence > answerConfidence) {
            throw new IllegalArgumentException("handoffConfidence " + handoffConfidence
                    + " must not exceed answerConfidence " + answerConfidence);
        }
        if (maxUnansweredTurns < 1) {
            throw new IllegalArgumentException("maxUnansweredTurns must be >= 1 but was " + maxUnansweredTurns);
        }
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("reloadInterval must not be negative but was " + reloadInterval);
        }
        if (!(outOfScopeMargin >= -1.0 && outOfScopeMargin <= 1.0)) {
            throw new IllegalArgumentException("outOfScopeMargin must be within -1..1 but was " + outOfScopeMargin);
        }
        if (maxAnalyzedChars < 16) {
            throw new IllegalArgumentException("maxAnalyzedChars must be >= 16 but was " + maxAnalyzedChars);
        }
    }

    private static void requireUnit(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within 0..1 but was " + v);
        }
    }

    /** The shipped banking knowledge base, hybrid retrieval, reload check every 5 s. */
    public static AssistantConfig defaults() {
        return new AssistantConfig(List.of(), 0.5, 0.12, 0.2, 2, Duration.ofSeconds(5), RetrievalMode.HYBRID, 2000,
                DEFAULT_OUT_OF_SCOPE_MARGIN);
    }

    public AssistantConfig withKnowledgeBase(Path... files) {
        return new AssistantConfig(List.of(files), answerConfidence, choiceMargin, handoffConfidence,
                maxUnansweredTurns, reloadInterval, retrieval, maxAnalyzedChars, outOfScopeMargin);
    }

    public AssistantConfig withRetrieval(RetrievalMode mode) {
        return new AssistantConfig(knowledgeBaseFiles, answerConfidence, choiceMargin, handoffConfidence,
                maxUnansweredTurns, reloadInterval, mode, maxAnalyzedChars, outOfScopeMargin);
    }

    public AssistantConfig withReloadInterval(Duration interval) {
        return new AssistantConfig(knowledgeBaseFiles, answerConfidence, choiceMargin, handoffConfidence,
                maxUnansweredTurns, interval, retrieval, maxAnalyzedChars, outOfScopeMargin);
    }

    public AssistantConfig withThresholds(double answer, double choiceMargin, double handoff) {
        return new AssistantConfig(knowledgeBaseFiles, answer, choiceMargin, handoff, maxUnansweredTurns,
                reloadInterval, retrieval, maxAnalyzedChars, outOfScopeMargin);
    }

    public AssistantConfig withOutOfScopeMargin(double margin) {
        return new AssistantConfig(knowledgeBaseFiles, answerConfidence, choiceMargin, handoffConfidence,
                maxUnansweredTurns, reloadInterval, retrieval, maxAnalyzedChars, margin);
    }
}
