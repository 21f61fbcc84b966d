package org.mvtm.server.journey;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps conversations that never reached an advisor: a chat only with the assistant, or one abandoned in the queue.
 * Each becomes a sealed, chat-only recording (channel CHAT, no media legs) with the transcript and the events, under
 * the same retention rules as any other; the advisor is {@value #ASSISTANT_ID} and a conversation that was never
 * queued is filed under queue {@value #ASSISTANT_QUEUE}, so a retention rule can be set for those too.
 */
final class ChatOnlyRecordings {
    static final String ASSISTANT_ID = ChatMessagePosted.ASSISTANT;
    static final String ASSISTANT_QUEUE = "assistant";
    private static final Logger log = LoggerFactory.getLogger(ChatOnlyRecordings.class);

    private final RecordingStore recordings;

    ChatOnlyRecordings(RecordingStore recordings) {
        this.recordings = recordings;
    }

    /** Records and seals at once; called on a worker thread (sealing waits for the writer). */
    void keep(InteractionId interaction, ConversationId conversation, Customer customer, Language language,
              QueueId queue, Instant startedAt, List<ChatMessagePosted> lines, List<TranscriptTurn> fallback,
              List<TimelineEntry> events) {
        try {
            ActiveRecording rec = recordings.start(new RecordingMetadata(interaction, conversation, Channel.CHAT,
                    customer.id(), customer.displayName(), AgentId.of(ASSISTANT_ID), "Assistant", queue,
                    customer.region(), language, startedAt));
            if (!lines.isEmpty()) {
                lines.forEach(l -> rec.appendTimeline(TimelineEntry.turn(new TranscriptTurn(l.at(), l.speaker(), l.text()),
                        l.senderId())));
            } else {
                // this node saw none of the lines (it started since): the hand-off context has them
                fallback.forEach(t -> rec.appendTimeline(TimelineEntry.turn(t, t.speaker() == TranscriptTurn.Speaker.CUSTOMER
                        ? customer.id().value() : ASSISTANT_ID)));
            }
            events.forEach(rec::appendTimeline);
            rec.seal();
        } catch (RuntimeException e) {
            log.error("could not keep the transcript of conversation {} as a recording", conversation, e);
        }
    }
}
