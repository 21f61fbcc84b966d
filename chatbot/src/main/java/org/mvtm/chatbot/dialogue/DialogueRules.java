package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.Choice;
import org.mvtm.chatbot.api.FaqMatch;
import org.mvtm.chatbot.api.LanguageGuess;
import org.mvtm.chatbot.api.Ranking;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.chatbot.kb.Faq;
import org.mvtm.chatbot.lang.ScriptLanguageDetector;
import org.mvtm.chatbot.retrieval.Engine;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;

/**
 * The assistant's dialogue rules, per customer turn (the caller holds the conversation's monitor):
 * <ol>
 *   <li>handed off already: {@link ReplyKind#SILENT};</li>
 *   <li>asks for a person (any language): HANDOFF (CUSTOMER_ASKED);</li>
 *   <li>no words (empty, emoji, punctuation) or greeting/thanks: a polite CLARIFY / GREETING;</li>
 *   <li>"1"/"2" after a CHOICE: the chosen answer;</li>
 *   <li>a follow-up of the previous question ({@link FollowUp}: "and for credit cards?", 「咁信用卡呢？」, "no, I mean
 *       the fee"): read against it, without the FAQ already answered, when that gives a clear answer;</li>
 *   <li>otherwise rank FAQs ({@link Triage}): nearer a generic off-topic question than any FAQ: OUT_OF_SCOPE
 *       (counted as unanswered); confident and clear: ANSWER; top two close: CHOICE; confidence below
 *       {@code handoffConfidence}: HANDOFF (LOW_CONFIDENCE); in between: CLARIFY, and after
 *       {@code maxUnansweredTurns} unanswered turns in a row: HANDOFF (UNANSWERED_TURNS).</li>
 * </ol>
 */
record DialogueRules(AssistantConfig config, Clock clock, ScriptLanguageDetector detector) {
    BotReply greeting(Conversation c) {
        return bot(c, new BotReply(ReplyKind.GREETING, Phrases.GREETING.in(c.language), c.language, 0, List.of(),
                List.of(), Optional.empty()));
    }

    BotReply decide(Conversation c, InputText input, Engine engine) {
        String text = input.analysed();
        if (!text.isEmpty() && HandoffRequests.asksForPerson(text)) {
            adoptLanguage(c, detector.detect(text));
            return handoff(c, HandoffContext.Reason.CUSTOMER_ASKED, 0, List.of());
        }
        Optional<BotReply> chosen = choicePicked(c, engine, text);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (!input.hasWords()) {
            if (text.isEmpty()) {
                return bot(c, simple(ReplyKind.CLARIFY, Phrases.CLARIFY.in(c.language), c.language));
            }
            return unanswered(c, Phrases.CLARIFY.in(c.language), 0, List.of());
        }
        LanguageGuess guess = detector.detect(text);
        SmallTalk.Kind small = SmallTalk.of(text);
        if (small != null) {
            adoptLanguage(c, guess);
            Phrases.Phrase phrase = small == SmallTalk.Kind.HELLO ? Phrases.HELLO : Phrases.WELCOME;
            return bot(c, simple(ReplyKind.GREETING, phrase.in(c.language), c.language));
        }
        if (!guess.recognised()) {
            // text in a language we do not serve: ask politely in every language, most likely first
            Language likely = c.languageKnown ? c.language : guess.language();
            return unanswered(c, Phrases.clarifyUnknown(likely), 0, List.of());
        }
        adoptLanguage(c, guess);
        Optional<BotReply> followed = followUp(c, engine, text, guess);
        if (followed.isPresent()) {
            return followed.get();
        }
        Ranking ranking = engine.rank(text, guess.language(), 5);
        List<FaqMatch> ranked = ranking.matches();
        if (ranked.isEmpty()) {
            return unanswered(c, Phrases.CLARIFY.in(c.language), 0, List.of());
        }
        FaqMatch top = ranked.get(0);
        double p1 = top.confidence();
        List<String> ids = ranked.stream().map(FaqMatch::faqId).toList();
        c.lastQuestion = text;
        // the likely product comes only from answers and choices the assistant trusted: a guess behind "sorry, I didn't
        // understand" or a low-confidence handoff would send the customer to the wrong queue
        switch (Triage.of(config, ranking)) {
            case OUT_OF_SCOPE -> {
                return unanswered(c, ReplyKind.OUT_OF_SCOPE, Phrases.CANNOT_HELP.in(c.language), p1, List.of());
            }
            case CHOICE -> {
                engine.knowledgeBase().faq(top.faqId()).flatMap(Faq::product)
                        .ifPresent(p -> c.likelyProduct = Optional.of(p));
                return choice(c, engine, top, ranked.get(1), p1, ids);
            }
            case ANSWER -> {
                return answer(c, engine, top.faqId(), p1, ids);
            }
            case UNSURE -> {
                c.faqsTried.add(top.faqId());
                if (p1 < config.handoffConfidence() && input.substantial()) {
                    return handoff(c, HandoffContext.Reason.LOW_CONFIDENCE, p1, ids);
                }
                return unanswered(c, Phrases.CLARIFY.in(c.language), p1, ids);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * A continuation ("and for credit cards?") or a correction ("no, I mean the fee") after a ranked question: the
     * added words are ranked with the previous question and alone ({@link FollowUpRanking}), and the FAQ already
     * answered is left out. Empty when the line is not a follow-up, there was no
     * previous question, the added words are off-topic on their own, or nothing is trusted enough: the line is then
     * handled as a question of its own.
     */
    private Optional<BotReply> followUp(Conversation c, Engine engine, String text, LanguageGuess guess) {
        if (c.lastQuestion == null) {
            return Optional.empty();
        }
        Optional<FollowUp> followUp = FollowUp.of(text);
        if (followUp.isEmpty()) {
            return Optional.empty();
        }
        FollowUp f = followUp.get();
        Ranking withPrevious = engine.rank((f.fragment() + " " + c.lastQuestion).trim(), guess.language(), 10);
        Map<String, FaqMatch> fused = FollowUpRanking.withoutAnswered(withPrevious, c.lastAnswered);
        if (!f.fragment().isEmpty()) {
            Ranking alone = engine.rank(f.fragment(), guess.language(), 10);
            if (alone.outOfScope() > 0) {
                // "what about the weather?": nearer an off-topic example than any FAQ, whatever came before. A bare
                // "credit cards" is short enough to sit near the detector's margin, so only the clear side counts
                return Optional.empty();
            }
            fused = FollowUpRanking.fuse(fused, FollowUpRanking.withoutAnswered(alone, c.lastAnswered));
        }
        List<FaqMatch> others = FollowUpRanking.best(fused);
        if (others.isEmpty()) {
            return Optional.empty();
        }
        FaqMatch top = others.get(0);
        List<String> ids = others.stream().map(FaqMatch::faqId).toList();
        Triage.Outcome outcome = Triage.of(config, new Ranking(others, withPrevious.outOfScope()));
        // the customer gave the context, so a clear winner (twice the next one) is answered below the usual confidence
        boolean clearWinner = top.confidence() >= config.handoffConfidence()
                && (others.size() == 1 || top.confidence() >= 2 * others.get(1).confidence());
        if (outcome == Triage.Outcome.ANSWER || clearWinner) {
            return Optional.of(answer(c, engine, top.faqId(), top.confidence(), ids));
        }
        if (outcome == Triage.Outcome.CHOICE) {
            return Optional.of(choice(c, engine, top, others.get(1), top.confidence(), ids));
        }
        return Optional.empty();
    }

    private BotReply answer(Conversation c, Engine engine, String faqId, double confidence, List<String> ids) {
        Faq faq = engine.knowledgeBase().faq(faqId).orElseThrow();
        c.lastAnswered = faqId;
        c.unanswered = 0;
        c.pendingChoices = List.of();
        c.faqsTried.add(faqId);
        faq.product().ifPresent(p -> c.likelyProduct = Optional.of(p));
        List<String> ordered = new ArrayList<>(ids);
        ordered.remove(faqId);
        ordered.add(0, faqId);
        return bot(c, new BotReply(ReplyKind.ANSWER, faq.answer(c.language), c.language, confidence, ordered,
                List.of(), Optional.empty()));
    }

    private BotReply choice(Conversation c, Engine engine, FaqMatch top, FaqMatch second, double confidence,
                            List<String> ids) {
        List<Choice> choices = new ArrayList<>();
        for (FaqMatch m : List.of(top, second)) {
            Faq faq = engine.knowledgeBase().faq(m.faqId()).orElseThrow();
            choices.add(new Choice(faq.id(), faq.question(c.language)));
            c.faqsTried.add(faq.id());
        }
        c.pendingChoices = List.copyOf(choices);
        return bot(c, new BotReply(ReplyKind.CHOICE, Phrases.choice(c.language, choices), c.language, confidence,
                ids, choices, Optional.empty()));
    }

    private Optional<BotReply> choicePicked(Conversation c, Engine engine, String text) {
        if (c.pendingChoices.isEmpty()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[.。!！?？)）]", "");
        int index = switch (t) {
            case "1", "１", "first", "the first one", "第一个", "第一個", "一" -> 0;
            case "2", "２", "second", "the second one", "第二个", "第二個", "二" -> 1;
            default -> -1;
        };
        if (index < 0) {
            for (int i = 0; i < c.pendingChoices.size(); i++) {
                if (c.pendingChoices.get(i).question().equalsIgnoreCase(text.trim())) {
                    index = i;
                }
            }
        }
        if (index < 0 || index >= c.pendingChoices.size()) {
            c.pendingChoices = List.of();
            return Optional.empty();
        }
        String faqId = c.pendingChoices.get(index).faqId();
        if (engine.knowledgeBase().faq(faqId).isEmpty()) {
            c.pendingChoices = List.of();
            return Optional.empty(); // knowledge base reloaded without it
        }
        return Optional.of(answer(c, engine, faqId, 1.0, List.of(faqId)));
    }

    private BotReply unanswered(Conversation c, String text, double confidence, List<String> ids) {
        return unanswered(c, ReplyKind.CLARIFY, text, confidence, ids);
    }

    private BotReply unanswered(Conversation c, ReplyKind kind, String text, double confidence, List<String> ids) {
        c.unanswered++;
        c.pendingChoices = List.of();
        if (c.unanswered >= config.maxUnansweredTurns()) {
            return handoff(c, HandoffContext.Reason.UNANSWERED_TURNS, confidence, ids);
        }
        return bot(c, new BotReply(kind, text, c.language, confidence, ids, List.of(), Optional.empty()));
    }

    BotReply handoff(Conversation c, HandoffContext.Reason reason, double confidence, List<String> ids) {
        if (!c.handOff()) {
            return silent(c);
        }
        TranscriptTurn line =
                new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.BOT, Phrases.HANDOFF.in(c.language));
        c.add(line);
        HandoffContext context = new HandoffContext(c.language, c.likelyProduct, List.copyOf(c.faqsTried), reason,
                List.copyOf(c.transcript));
        return new BotReply(ReplyKind.HANDOFF, line.text(), c.language, confidence, ids, List.of(),
                Optional.of(context));
    }

    static BotReply silent(Conversation c) {
        return new BotReply(ReplyKind.SILENT, "", c.language, 0, List.of(), List.of(), Optional.empty());
    }

    private static BotReply simple(ReplyKind kind, String text, Language language) {
        return new BotReply(kind, text, language, 0, List.of(), List.of(), Optional.empty());
    }

    private BotReply bot(Conversation c, BotReply reply) {
        c.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.BOT, reply.text()));
        return reply;
    }

    private static void adoptLanguage(Conversation c, LanguageGuess guess) {
        if (guess.recognised()) {
            c.language = guess.language();
            c.languageKnown = true;
        }
    }
}
