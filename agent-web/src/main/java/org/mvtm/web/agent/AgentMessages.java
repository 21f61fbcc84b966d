package org.mvtm.web.agent;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;

/** What the server sends to the advisor console over {@code /ws/agent}. */
public final class AgentMessages {
    private AgentMessages() {
    }

    public record Line(String speaker, String text, Instant at) {
        static Line of(TranscriptTurn t) {
            return new Line(t.speaker().name(), t.text(), t.at());
        }
    }

    /** Everything the console shows about a customer. */
    public record CustomerContext(String interactionId, String conversationId, String customerId, String customerName,
                                  String tier, String region, String language, String product, String channel,
                                  String queue, String handoffReason, List<String> faqsTried, List<Line> transcript) {
        static CustomerContext of(Interaction i, List<TranscriptTurn> transcript) {
            return new CustomerContext(i.id().value(), i.conversation().value(), i.customer().id().value(),
                    i.customer().displayName(), i.customer().tier().name(), i.customer().region().code(),
                    i.language().tag(), i.handoff().likelyProduct().map(Enum::name).orElse(""), i.channel().name(),
                    i.queue().value(), i.handoff().reason().name(), i.handoff().faqsTried(),
                    transcript.stream().map(Line::of).toList());
        }
    }

    public record Offer(String type, CustomerContext customer, Instant expiresAt, long secondsLeft) {
        Offer(CustomerContext customer, Instant expiresAt, long secondsLeft) {
            this("offer", customer, expiresAt, secondsLeft);
        }
    }

    public record OfferGone(String type, String interactionId, String cause) {
        OfferGone(String interactionId, String cause) {
            this("offer-gone", interactionId, cause);
        }
    }

    public record Connected(String type, CustomerContext customer, Instant since) {
        Connected(CustomerContext customer, Instant since) {
            this("connected", customer, since);
        }
    }

    public record Chat(String type, String interactionId, String speaker, String text, Instant at) {
    }

    public record Presence(String type, String state, String reason, Instant since) {
        Presence(String state, String reason, Instant since) {
            this("presence", state, reason, since);
        }
    }

    /** The interaction ended ({@code endedBy}: CUSTOMER, ADVISOR, ABANDONED, TRANSFERRED...) and waits for {@code wrapUp}. */
    public record Ended(String type, String interactionId, String endedBy, WrapUp wrapUp) {
        Ended(String interactionId, String endedBy, WrapUp wrapUp) {
            this("ended", interactionId, endedBy, wrapUp);
        }
    }

    public record SdpAnswer(String type, String interactionId, String sdp) {
        SdpAnswer(String interactionId, String sdp) {
            this("sdp-answer", interactionId, sdp);
        }
    }

    /** One of today's interactions. */
    public record DayEntry(String interactionId, String customerName, String channel, String queue, Instant acceptedAt,
                           Instant endedAt, String wrapUpCode, String notes) {
    }

    /** The whole console state, sent on connect (and after a reconnect) so the page can rebuild itself. */
    public record Desk(String type, String agentId, String displayName, String node, Presence presence,
                       List<Offer> offers, List<Connected> active, List<DayEntry> today, List<String> queues,
                       List<Colleague> advisors, boolean wrapUpPending, List<WrapUp> wrapUps) {
    }

    /** An ended interaction waiting for its wrap-up: the codes of its queue and whether its queue requires it. */
    public record WrapUp(String interactionId, List<WrapUpCode> codes, boolean required) {
    }

    public record WrapUpCode(String code, String label) {
    }

    public record Colleague(String agentId, String displayName) {
    }

    /** The media of a call failed on {@code party}'s side; {@code reason} is the relay's diagnosis. */
    public record MediaFailed(String type, String interactionId, String party, String reason) {
        MediaFailed(String interactionId, String party, String reason) {
            this("media-failed", interactionId, party, reason);
        }
    }

    /** A supervisor set the advisor {@code state} for {@code reason}; {@code afterConversations}: once their last ends. */
    public record Forced(String type, String state, String reason, String by, boolean afterConversations) {
        Forced(String state, String reason, String by, boolean afterConversations) {
            this("forced", state, reason, by, afterConversations);
        }
    }
}
