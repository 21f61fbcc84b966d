package org.mvtm.web.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Appointment;
import org.mvtm.core.Channel;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Interaction;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.AppointmentSettings;
import org.mvtm.web.socket.JsonSocketHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A customer joins their booked video appointment from the customer page ({@code appointment {appointmentId}}): the
 * conversation is queued as a video call in the appointment's queue, offered to the booked advisor first, and after
 * {@link AppointmentSettings#bookedAdvisorWait()} to any advisor of the queue. The page may join from
 * {@link AppointmentSettings#joinEarly()} before the start until the end; other times are refused with the start.
 * The join is one of the conversation's routing steps ({@link CustomerChannel#routingStep}): a hang-up that follows
 * it leaves the queue after it joined.
 */
@Component
public class AppointmentJoin {
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentJoin.class);

    private final Clock clock;
    private final AdministrationService admin;
    private final RoutingEngine routing;
    private final WebConversations conversations;
    private final CustomerChannel channel;
    private final CustomerPeers peers;
    private final AppointmentSettings settings;

    public AppointmentJoin(Clock clock, AdministrationService admin, RoutingEngine routing,
                           WebConversations conversations, CustomerChannel channel, CustomerPeers peers,
                           ObjectProvider<AppointmentSettings> settings) {
        this.clock = clock;
        this.admin = admin;
        this.routing = routing;
        this.conversations = conversations;
        this.channel = channel;
        this.peers = peers;
        this.settings = settings.getIfAvailable(AppointmentSettings::defaults);
    }

    void join(WebConversation conversation, String appointmentId) {
        channel.routingStep(conversation, "join appointment " + appointmentId, () -> {
            try {
                joinNow(conversation, appointmentId);
            } catch (RuntimeException e) {
                LOG.warn("conversation {} could not join appointment {}", conversation.id(), appointmentId, e);
                peers.send(conversation.id(), JsonSocketHandler.ErrorMessage.failed("appointment", e));
            }
        });
    }

    private void joinNow(WebConversation conversation, String appointmentId) {
        Optional<Appointment> found = admin.appointments().appointment(appointmentId)
                .filter(a -> a.customer().equals(conversation.owner()));
        if (found.isEmpty()) {
            refuse(conversation, "appointment.unknown", "no appointment " + appointmentId + " of yours");
            return;
        }
        Appointment a = found.get();
        Instant now = clock.instant();
        if (now.isBefore(a.startsAt().minus(settings.joinEarly())) || !now.isBefore(a.endsAt())) {
            refuse(conversation, "appointment.not-now", "the appointment is from " + a.startsAt() + " to " + a.endsAt()
                    + "; join from " + settings.joinEarly().toMinutes() + " minutes before the start");
            return;
        }
        if (conversation.status() != ConversationStatus.WITH_BOT) {
            refuse(conversation, "appointment.busy", "this conversation is already " + conversation.status());
            return;
        }
        HandoffContext direct = HandoffContext.direct(conversation.language());
        Interaction interaction = new Interaction(InteractionId.random(), conversation.id(), Channel.VIDEO,
                conversation.customer(), conversation.language(),
                List.of(SkillRequirement.of(conversation.language().skillName(), 1)), QueueId.of(a.queue()), direct,
                now);
        conversation.channel(Channel.VIDEO);
        conversations.queued(conversation, interaction.id());
        QueuePosition position;
        try {
            position = routing.enqueueFor(interaction, AgentId.of(a.advisor()), settings.bookedAdvisorWait());
        } catch (RuntimeException refused) {
            conversation.ended();
            conversations.forget(conversation);
            refuse(conversation, "not-queued", "the appointment's queue did not take the call: " + refused.getMessage());
            return;
        }
        channel.pushStatus(conversation, Optional.of(position));
    }

    private void refuse(WebConversation conversation, String code, String message) {
        peers.send(conversation.id(), new JsonSocketHandler.ErrorMessage(code, message));
    }
}
