package org.mvtm.sip.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.IvrKnowledge;

class IvrDialogueTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T02:00:00Z"));

    /** Two topics per language and answers, one of them far too long to speak. */
    private final IvrKnowledge kb = new IvrKnowledge() {
        @Override
        public List<Topic> topics(String queue, Language language) {
            return switch (language) {
                case YUE -> List.of(topic("card_lost", "遺失信用卡"), topic("hours", "辦公時間"));
                case ZH -> List.of(topic("card_lost", "遗失信用卡"), topic("hours", "营业时间"));
                case EN -> List.of(topic("card_lost", "a lost card"), topic("hours", "opening hours"));
            };
        }

        @Override
        public Optional<String> answer(String faqId, Language language) {
            Map<String, String> answers = Map.of(
                    "card_lost", language == Language.EN ? "Call us at once. We block the card."
                            : language == Language.ZH ? "请立即致电我们。我们会冻结卡。" : "請即致電我哋。我哋會凍結張卡。",
                    "hours", "Branches open 9 to 5 on weekdays. ".repeat(20));
            return Optional.ofNullable(answers.get(faqId));
        }

        @Override
        public Optional<Topic> find(String callerSaid, Language language) {
            return callerSaid.contains("lost") ? Optional.of(topic("card_lost", "a lost card")) : Optional.empty();
        }

        private Topic topic(String id, String title) {
            return new Topic(id, title, Optional.of(Product.CARDS));
        }
    };

    private IvrDialogue dialogue(Language language) {
        return new IvrDialogue("call-1", "cards", language, kb, clock, Duration.ofSeconds(10), 200);
    }

    /** A dialogue that has started (greeted the caller); what it said is not looked at. */
    private IvrDialogue started(Language language) {
        IvrDialogue d = dialogue(language);
        d.start();
        return d;
    }

    /** A Cantonese dialogue whose greeting has been played to the end: it waits for the caller now. */
    private IvrDialogue greetedInCantonese() {
        IvrDialogue d = started(Language.YUE);
        d.promptEnded();
        return d;
    }

    private static String said(List<IvrAction> actions) {
        return actions.stream().filter(a -> a instanceof IvrAction.Say).map(a -> ((IvrAction.Say) a).text())
                .reduce("", String::concat);
    }

    @Test
    void aCantoneseCallerPressesTwoForMandarinPicksATopicAndPressesZeroForAnAdvisorWithTheTranscript() {
        IvrDialogue d = dialogue(Language.YUE);
        assertThat(said(d.start())).contains("廣東話請按1", "普通话请按2", "press 3");
        List<IvrAction> menu = d.key('2');
        assertThat(menu).singleElement().isEqualTo(new IvrAction.Say(said(menu), Language.ZH));
        assertThat(((IvrAction.Say) dialogue(Language.YUE).start().get(0)).parts()).extracting(IvrAction.Part::language)
                .containsExactly(Language.YUE, Language.YUE, Language.ZH, Language.EN);
        assertThat(said(menu)).contains("遗失信用卡请按1", "营业时间请按2", "转人工请按0");
        assertThat(said(d.key('1'))).startsWith("请立即致电我们").contains("转人工请按0");
        List<IvrAction> handoff = d.key('0');
        assertThat(said(handoff)).contains("正在为您转接人工服务");
        HandoffContext context = ((IvrAction.ToAdvisor) handoff.get(1)).context();
        assertThat(context.language()).isEqualTo(Language.ZH);
        assertThat(context.reason()).isEqualTo(HandoffContext.Reason.CUSTOMER_ASKED);
        assertThat(context.faqsTried()).containsExactly("card_lost");
        assertThat(context.likelyProduct()).contains(Product.CARDS);
        assertThat(context.transcript()).extracting(TranscriptTurn::speaker).containsExactly(
                TranscriptTurn.Speaker.BOT, TranscriptTurn.Speaker.CUSTOMER, TranscriptTurn.Speaker.BOT,
                TranscriptTurn.Speaker.CUSTOMER, TranscriptTurn.Speaker.BOT, TranscriptTurn.Speaker.CUSTOMER,
                TranscriptTurn.Speaker.BOT);
        assertThat(context.transcript().get(3).text()).isEqualTo("[1] 遗失信用卡");
        assertThat(d.state()).isEqualTo(IvrDialogue.State.ADVISOR);
        assertThat(d.key('1')).isEmpty();
    }

    @Test
    void anAnswerTooLongToSpeakIsCutAtASentenceAndPointsToTheApp() {
        IvrDialogue d = started(Language.EN);
        d.key('3');
        String spoken = said(d.key('2'));
        assertThat(spoken).startsWith("Branches open 9 to 5 on weekdays.").contains("weekdays. More in the app.")
                .contains("press 0");
        assertThat(spoken.indexOf(" More in the app.")).isLessThanOrEqualTo(200);
    }

    @Test
    void anUnknownKeyRepeatsTheMenuOnceThenTheCallerGoesToAPerson() {
        IvrDialogue d = started(Language.EN);
        d.key('3');
        assertThat(said(d.key('7'))).startsWith("Sorry, that is not an option.").contains("For a lost card, press 1");
        List<IvrAction> second = d.key('8');
        assertThat(second).last().isInstanceOf(IvrAction.ToAdvisor.class);
        assertThat(((IvrAction.ToAdvisor) second.get(1)).context().reason())
                .isEqualTo(HandoffContext.Reason.UNANSWERED_TURNS);
    }

    @Test
    void aCallerWhoPressesNothingForTenSecondsAfterThePromptGoesToAPerson() {
        IvrDialogue d = greetedInCantonese();
        clock.advance(Duration.ofSeconds(9));
        assertThat(d.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<IvrAction> actions = d.tick();
        assertThat(said(actions)).contains("轉駁職員");
        assertThat(((IvrAction.ToAdvisor) actions.get(1)).context().transcript()).extracting(TranscriptTurn::text)
                .contains("no input for 10 s");
    }

    @Test
    void aCallerWhoKeepsTalkingIsNotSilent() {
        IvrDialogue d = greetedInCantonese();
        clock.advance(Duration.ofSeconds(8));
        d.callerActive();
        clock.advance(Duration.ofSeconds(8));
        assertThat(d.tick()).isEmpty();
    }

    @Test
    void whatTheCallerSaysIsAnsweredByTheSameRetrievalAsChat() {
        IvrDialogue d = started(Language.EN);
        assertThat(said(d.said("i lost my card"))).startsWith("Call us at once.");
        assertThat(said(d.said("what is the weather"))).startsWith("Sorry, I did not understand.");
    }
}
