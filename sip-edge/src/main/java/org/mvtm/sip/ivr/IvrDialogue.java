package org.mvtm.sip.ivr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.state.StateMachine;
import org.mvtm.core.state.TransitionTable;
import org.mvtm.sip.api.IvrKnowledge;

/**
 * One caller's way through the voice front door: keys (RFC 4733 or SIP INFO), recognised speech and silence in,
 * {@link IvrAction}s out. No I/O and no threads: {@link IvrCall} feeds it, one input at a time.
 *
 * <pre>
 *   GREETING --1/2/3 (language)--------------------------> MENU
 *   GREETING | MENU --digit of a topic, or speech found--> MENU (answer spoken, then "0 advisor, 9 menu")
 *   GREETING | MENU --0, silence, second unknown key-----> ADVISOR
 *   any but ENDED --caller hung up----------------------> ENDED
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>GREETING</td><td>MENU, ADVISOR, ENDED</td></tr>
 *   <tr><td>MENU</td><td>MENU, ADVISOR, ENDED</td></tr>
 *   <tr><td>ADVISOR</td><td>ENDED</td></tr>
 * </table>
 * An unknown key says "not an option" and repeats the menu once; the next unknown key goes to an advisor. A caller
 * who neither presses nor says anything for {@code silence} after a prompt ends goes to an advisor.
 */
final class IvrDialogue {
    enum State { GREETING, MENU, ADVISOR, ENDED }

    static final TransitionTable<State> TABLE = TransitionTable.of("IVR dialogue", State.class)
            .from(State.GREETING).to(State.MENU, State.ADVISOR, State.ENDED)
            .from(State.MENU).to(State.MENU, State.ADVISOR, State.ENDED)
            .from(State.ADVISOR).to(State.ENDED)
            .build();

    private final String queue;
    private final IvrKnowledge knowledge;
    private final Clock clock;
    private final Duration silence;
    private final int maxSpokenChars;
    private final List<TranscriptTurn> transcript = new ArrayList<>();
    private final List<String> faqsTried = new ArrayList<>();
    private Optional<Product> likelyProduct = Optional.empty();
    private final StateMachine<State> state;
    private Language language;
    private List<IvrKnowledge.Topic> topics = List.of();
    private boolean repeatedOnce;
    private Instant quietSince;

    IvrDialogue(String subject, String queue, Language language, IvrKnowledge knowledge, Clock clock,
                Duration silence, int maxSpokenChars) {
        this.queue = queue;
        this.language = language;
        this.knowledge = knowledge;
        this.clock = clock;
        this.silence = silence;
        this.maxSpokenChars = maxSpokenChars;
        this.state = new StateMachine<>(TABLE, subject, State.GREETING);
    }

    State state() {
        return state.get();
    }

    Language language() {
        return language;
    }

    /** What a caller may say now: the titles of the menu's topics (for grammar-based recognisers). */
    List<String> phrases() {
        return topics.stream().map(IvrKnowledge.Topic::title).toList();
    }

    List<TranscriptTurn> transcript() {
        return List.copyOf(transcript);
    }

    /** The greeting in the caller's language (from their account or number). */
    List<IvrAction> start() {
        topics = knowledge.topics(queue, language);
        IvrAction.Say greeting = new IvrAction.Say(IvrPrompts.greeting(language));
        transcript.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.BOT, greeting.text()));
        return List.of(greeting);
    }

    /** The caller pressed a key. */
    List<IvrAction> key(char key) {
        if (state() == State.ADVISOR || state() == State.ENDED) {
            return List.of();
        }
        if (key == '0') {
            heard(IvrPrompts.pressed(key, "advisor"));
            return advisor(HandoffContext.Reason.CUSTOMER_ASKED);
        }
        if (state() == State.GREETING && key >= '1' && key <= '3') {
            language = key == '1' ? Language.YUE : key == '2' ? Language.ZH : Language.EN;
            heard(IvrPrompts.pressed(key, language.nativeName()));
            topics = knowledge.topics(queue, language);
            moveTo(State.MENU);
            return List.of(say(IvrPrompts.menu(language, topics)));
        }
        if (state() == State.MENU && key == '9') {
            heard(IvrPrompts.pressed(key, "menu"));
            return List.of(say(IvrPrompts.menu(language, topics)));
        }
        int index = key - '1';
        if (state() == State.MENU && index >= 0 && index < topics.size()) {
            IvrKnowledge.Topic topic = topics.get(index);
            heard(IvrPrompts.pressed(key, topic.title()));
            return answer(topic);
        }
        heard(IvrPrompts.pressed(key, "?"));
        if (repeatedOnce) {
            return advisor(HandoffContext.Reason.UNANSWERED_TURNS);
        }
        repeatedOnce = true;
        moveTo(State.MENU);
        return List.of(say(IvrPrompts.NOT_AN_OPTION.in(language) + " " + IvrPrompts.menu(language, topics)));
    }

    /** The recogniser heard the caller say {@code text}: the same retrieval as a chat line. */
    List<IvrAction> said(String text) {
        if (state() == State.ADVISOR || state() == State.ENDED) {
            return List.of();
        }
        heard(text);
        Optional<IvrKnowledge.Topic> found = knowledge.find(text, language);
        if (found.isEmpty()) {
            if (state() == State.GREETING) {
                moveTo(State.MENU);
            }
            return List.of(say(IvrPrompts.NOT_UNDERSTOOD.in(language) + " " + IvrPrompts.menu(language, topics)));
        }
        return answer(found.get());
    }

    /** The last prompt finished playing: the silence timer starts. */
    void promptEnded() {
        quietSince = clock.instant();
    }

    /** The caller started to speak or pressed a key: no silence while they do. */
    void callerActive() {
        quietSince = null;
    }

    /** Time passes: a caller silent for {@code silence} after the last prompt goes to an advisor. */
    List<IvrAction> tick() {
        if (quietSince == null || state() == State.ADVISOR || state() == State.ENDED
                || Duration.between(quietSince, clock.instant()).compareTo(silence) < 0) {
            return List.of();
        }
        transcript.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.SYSTEM,
                "no input for " + silence.toSeconds() + " s"));
        return advisor(HandoffContext.Reason.UNANSWERED_TURNS);
    }

    /** The caller hung up. */
    void ended() {
        if (state() != State.ENDED) {
            moveTo(State.ENDED);
        }
    }

    private List<IvrAction> answer(IvrKnowledge.Topic topic) {
        faqsTried.add(topic.faqId());
        if (topic.product().isPresent()) {
            likelyProduct = topic.product();
        }
        moveTo(State.MENU);
        String answer = knowledge.answer(topic.faqId(), language).orElse(IvrPrompts.NOT_UNDERSTOOD.in(language));
        return List.of(say(SpokenAnswer.of(answer, language, maxSpokenChars) + " "
                + IvrPrompts.AFTER_ANSWER.in(language)));
    }

    private List<IvrAction> advisor(HandoffContext.Reason reason) {
        IvrAction.Say bye = say(IvrPrompts.TO_ADVISOR.in(language));
        moveTo(State.ADVISOR);
        quietSince = null;
        return List.of(bye, new IvrAction.ToAdvisor(new HandoffContext(language, likelyProduct, faqsTried, reason,
                transcript)));
    }

    private IvrAction.Say say(String text) {
        quietSince = null;
        transcript.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.BOT, text));
        return new IvrAction.Say(text, language);
    }

    private void heard(String text) {
        quietSince = null;
        transcript.add(new TranscriptTurn(clock.instant(), TranscriptTurn.Speaker.CUSTOMER, text));
    }

    private void moveTo(State next) {
        state.strictMoveTo(next);
    }
}
