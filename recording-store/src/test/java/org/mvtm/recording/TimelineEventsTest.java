package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.RecordingStarted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.TimelineEvents;

/** The timeline entries a compliance officer reads for what happened in a session, as the journey writes them. */
class TimelineEventsTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");
    private static final InteractionId CALL = InteractionId.of("i-1");
    private static final AgentId ALICE = AgentId.of("alice");

    @Test
    void holdsTransfersAndTheEndSayWhoDidWhat() {
        assertThat(entry(new CallHeld(AT, CALL, true, CallHeld.By.CUSTOMER)))
                .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.HOLD, "customer", "on hold");
        assertThat(entry(new CallHeld(AT, CALL, false)))
                .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.RESUMED, "advisor", "resumed");
        assertThat(entry(new InteractionTransferred(AT, CALL, ALICE, Optional.of(QueueId.of("cards")),
                Optional.empty()))).extracting(TimelineEntry::actor, TimelineEntry::text)
                .containsExactly("alice", "transferred to cards");
        assertThat(entry(new InteractionTransferred(AT, CALL, ALICE, Optional.empty(),
                Optional.of(AgentId.of("bob"))))).extracting(TimelineEntry::text).isEqualTo("transferred to bob");
        assertThat(entry(new InteractionEnded(AT, CALL, InteractionEnded.EndedBy.CUSTOMER)))
                .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.ENDED, "customer", "ended by CUSTOMER");
        assertThat(TimelineEvents.queued(AT, QueueId.of("general")))
                .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.QUEUED, "routing", "queued in general");
        assertThat(TimelineEvents.advisorJoined(AT, ALICE, "Alice Wong"))
                .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.ADVISOR_JOINED, "alice", "Alice Wong joined");
    }

    @Test
    void aSupervisorsForcedStateChangeKeepsItsReasonAsAttributes() {
        TimelineEntry forced = entry(new AdvisorStateForced(AT, ALICE, "sam", AdvisorState.NOT_READY, "coaching",
                List.of(CALL), false));

        assertThat(forced.actor()).isEqualTo("sam");
        assertThat(forced.text()).isEqualTo("supervisor sam set advisor alice NOT_READY: coaching");
        assertThat(forced.attributes()).isEqualTo(Map.of("action", "forced-state", "advisor", "alice", "to",
                "NOT_READY", "reason", "coaching"));
    }

    @Test
    void chatLinesStandUnderTheirSenderAndTheAssistantsUnderItsOneName() {
        ConversationId chat = ConversationId.of("c-1");
        TimelineEntry bot = entry(new ChatMessagePosted(AT, chat, TranscriptTurn.Speaker.BOT,
                ChatMessagePosted.ASSISTANT, "您好"));
        TimelineEntry unnamed = entry(new ChatMessagePosted(AT, chat, TranscriptTurn.Speaker.CUSTOMER, null, "hi"));

        assertThat(bot).extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(TimelineEntry.Kind.BOT_MESSAGE, ChatMessagePosted.ASSISTANT, "您好");
        assertThat(unnamed.actor()).isEqualTo("customer");
    }

    @Test
    void anEventThatIsNotPartOfASessionHasNoEntry() {
        assertThat(TimelineEvents.of(new RecordingStarted(AT, RecordingId.of("r"), CALL))).isEmpty();
    }

    private static TimelineEntry entry(ContactEvent event) {
        return TimelineEvents.of(event).orElseThrow();
    }
}
