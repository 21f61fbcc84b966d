package org.mvtm.chatbot.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.Choice;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.TranscriptTurn;

/** Per-conversation state. Guarded by its own monitor: callers synchronise on the instance. */
final class Conversation {
    private static final int REMEMBERED_MESSAGE_IDS = 256;
    private static final int MAX_TRANSCRIPT_TURNS = 500;

    private ConversationState state = ConversationState.WITH_BOT;
    private volatile boolean handedOff;
    /** Last customer or bot activity, by the injected clock (for idle expiry). */
    volatile Instant lastActivity;
    Language language;
    boolean languageKnown;
    int unanswered;
    final LinkedHashSet<String> faqsTried = new LinkedHashSet<>();
    final List<TranscriptTurn> transcript = new ArrayList<>();
    List<Choice> pendingChoices = List.of();
    Optional<Product> likelyProduct = Optional.empty();
    /** The last question the assistant ranked (as analysed), for a follow-up ("and for credit cards?"). */
    String lastQuestion;
    /** The FAQ the assistant last answered, which a follow-up or a correction asks to move away from. */
    String lastAnswered;
    final Map<String, BotReply> repliesByMessageId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BotReply> eldest) {
            return size() > REMEMBERED_MESSAGE_IDS;
        }
    };

    Conversation(Language language, Instant now) {
        this.language = language;
        this.lastActivity = now;
    }

    ConversationState state() {
        return state;
    }

    boolean handedOff() {
        return handedOff;
    }

    /** Moves to HANDED_OFF; returns true only for the call that made the move. */
    boolean handOff() {
        if (state == ConversationState.HANDED_OFF) {
            return false;
        }
        state = ConversationState.TABLE.check("", state, ConversationState.HANDED_OFF);
        handedOff = true;
        return true;
    }

    void add(TranscriptTurn turn) {
        if (transcript.size() < MAX_TRANSCRIPT_TURNS) {
            transcript.add(turn);
        }
    }
}
