package org.mvtm.chatbot.dialogue;

import java.util.List;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.Ranking;

/**
 * What the assistant does with a ranked question, from the calibrated confidences and the out-of-scope detector.
 * One function, used by the dialogue ({@link DialogueRules}) and by the evaluation ({@code chatbot-eval}), so the
 * measured coverage and false-answer rate are the dialogue's own.
 */
public final class Triage {
    /** The decision. ANSWER and CHOICE show the customer FAQs; the others do not. */
    public enum Outcome {
        /** The top FAQ is answered. */
        ANSWER,
        /** The top two FAQs are offered as a choice. */
        CHOICE,
        /** Closer to a generic off-topic question than to any FAQ: "I can't help with that here". */
        OUT_OF_SCOPE,
        /** Nothing trusted enough: clarify or hand off (low confidence). */
        UNSURE;

        public boolean answered() {
            return this == ANSWER || this == CHOICE;
        }
    }

    private Triage() {
    }

    public static Outcome of(AssistantConfig config, Ranking ranking) {
        List<FaqMatch> ranked = ranking.matches();
        if (ranked.isEmpty()) {
            return Outcome.UNSURE;
        }
        if (ranking.outOfScope() > config.outOfScopeMargin()) {
            return Outcome.OUT_OF_SCOPE;
        }
        double p1 = ranked.get(0).confidence();
        if (ranked.size() > 1) {
            // close: the two calibrated confidences (each against the other) are within the choice margin
            boolean close = p1 - ranked.get(1).confidence() < config.choiceMargin()
                    && p1 < config.answerConfidence() + config.choiceMargin();
            if (close && p1 >= config.handoffConfidence()) {
                return Outcome.CHOICE;
            }
        }
        return p1 >= config.answerConfidence() ? Outcome.ANSWER : Outcome.UNSURE;
    }
}
