package org.mvtm.web.customer;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.TranscriptTurn;

/** What the server sends to the customer page over {@code /ws/customer}. */
public final class CustomerMessages {
    private CustomerMessages() {
    }

    public record Line(String speaker, String text, Instant at) {
        static Line of(TranscriptTurn turn) {
            return new Line(turn.speaker().name(), turn.text(), turn.at());
        }
    }

    public record Welcome(String type, String conversationId, boolean resumed, String language, String status,
                          String channel, String advisorName, List<Line> transcript) {
        static Welcome of(WebConversation c, boolean resumed) {
            return new Welcome("welcome", c.id().value(), resumed, c.language().tag(), c.status().name(),
                    c.channel().name(), c.advisorName(), c.transcript().stream().map(Line::of).toList());
        }
    }

    /** A chat line; {@code quickReplies}: buttons the page shows under it (the assistant's two choices). */
    public record Chat(String type, String speaker, String text, Instant at, List<String> quickReplies) {
        static Chat of(TranscriptTurn turn, List<String> quickReplies) {
            return new Chat("chat", turn.speaker().name(), turn.text(), turn.at(), quickReplies);
        }
    }

    /**
     * Queue position (1-based, 0 when not queued), estimated wait in seconds (-1 when unknown), and whether the
     * advisor has the call on hold.
     */
    public record Status(String type, String status, String channel, String interactionId, int position,
                         int waiting, long estimatedWaitSeconds, String advisorName, boolean held) {
        static Status of(WebConversation c, int position, int waiting, long estimatedWaitSeconds) {
            return new Status("status", c.status().name(), c.channel().name(),
                    c.interaction().map(Object::toString).orElse(""), position, waiting, estimatedWaitSeconds,
                    c.advisorName(), c.held());
        }
    }

    public record SdpAnswer(String type, String sdp) {
        SdpAnswer(String sdp) {
            this("sdp-answer", sdp);
        }
    }

    /** The media of the call failed on {@code party}'s side (ICE or DTLS); the advisor may reconnect or end. */
    public record MediaFailed(String type, String party) {
        MediaFailed(String party) {
            this("media-failed", party);
        }
    }

    /** The advisor reconnects the call's media: the page starts its call again with a fresh offer. */
    public record MediaRetry(String type) {
        MediaRetry() {
            this("media-retry");
        }
    }
}
