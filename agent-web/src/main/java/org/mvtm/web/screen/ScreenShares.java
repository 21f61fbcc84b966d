package org.mvtm.web.screen;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Party;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.customer.CustomerPeers;
import org.mvtm.web.security.CallRefused;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The advisor's screen sharing during a call (issue 22): the advisor's browser sends {@code getDisplayMedia} on a
 * screen leg of its own ({@link MediaSession#addScreenLeg}), the customer's page receives it on its own screen leg,
 * and the relay passes it only between those two; the recording keeps the advisor's screen leg beside the camera legs.
 *
 * <p>Why a leg of its own rather than a second {@code m=video} in the call leg: the call leg's SDP never changes
 * (no renegotiation, no glare, no second same-codec video stream to demultiplex in one bundle), and Chromium and
 * Firefox both handle two peer connections alike. The screen leg is negotiated on the first share and kept for the
 * call: stopping and sharing again only swap the browser's track ({@code replaceTrack}, no new SDP) and tell the
 * customer's page, so the recording has one screen leg whose gaps are the pauses.
 *
 * <p>A customer on a SIP leg (a phone) cannot see a screen: {@link #status} says so and offers are refused.
 */
@Component
public class ScreenShares implements DisposableBean {
    /** Why the advisor cannot share now: the customer is on a phone line, or the interaction carries no media. */
    public enum Unavailable { SIP_CALLER, NO_MEDIA }

    /** What the advisor's button shows: whether sharing is possible (else why) and whether it is on. */
    public record Status(boolean available, Unavailable reason, boolean sharing) {
    }

    /** Pushed to the customer's page when the advisor starts or stops sharing. */
    public record ScreenShareMessage(String type, boolean sharing) {
        static ScreenShareMessage of(boolean sharing) {
            return new ScreenShareMessage("screen-share", sharing);
        }
    }

    /** The SDP answer and the leg it made. */
    public record Answer(String legId, String sdp) {
    }

    private record Share(String advisorLeg, String customerLeg, boolean sharing) {
        Share with(String advisor, String customer, boolean on) {
            return new Share(advisor, customer, on);
        }
    }

    private final RoutingEngine routing;
    private final MediaServer media;
    private final CustomerPeers customers;
    private final Map<InteractionId, Share> shares = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    public ScreenShares(RoutingEngine routing, MediaServer media, CustomerPeers customers, EventBus events) {
        this.routing = routing;
        this.media = media;
        this.customers = customers;
        this.subscriptions = List.of(
                events.subscribe(InteractionEnded.class, e -> shares.remove(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> shares.remove(e.interaction())));
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }

    /** The advisor's view: whether the customer can see a screen, and whether the advisor shares now. */
    public Status status(AgentId advisor, InteractionId interaction) {
        InteractionView call = advisorsCall(advisor, interaction);
        Share share = shares.get(interaction);
        boolean sharing = share != null && share.sharing();
        if (!call.interaction().channel().hasMedia()) {
            return new Status(false, Unavailable.NO_MEDIA, false);
        }
        if (customerOnPhone(interaction)) {
            return new Status(false, Unavailable.SIP_CALLER, false);
        }
        return new Status(true, null, sharing);
    }

    /** The advisor's screen leg (first share, or a page that reloaded): replaces a previous one of the call. */
    public Answer advisorOffer(AgentId advisor, InteractionId interaction, String sdpOffer) {
        requireSdp(sdpOffer);
        Status status = status(advisor, interaction);
        if (!status.available()) {
            throw new CallRefused(HttpStatus.CONFLICT, status.reason() == Unavailable.SIP_CALLER
                    ? "the customer of " + interaction.value() + " is on a phone line and cannot see a screen"
                    : "interaction " + interaction.value() + " is a chat: there is no call to share a screen in");
        }
        MediaSession session = media.session(interaction);
        String legId = Party.ADVISOR.mediaName() + "-screen-" + UUID.randomUUID().toString().substring(0, 8);
        Share previous = shares.get(interaction);
        if (previous != null) {
            removeIfPresent(session, previous.advisorLeg());
        }
        String answer = session.addScreenLeg(legId, Party.ADVISOR, sdpOffer);
        shares.merge(interaction, new Share(legId, null, false), (old, mine) -> old.with(legId, old.customerLeg(),
                old.sharing()));
        return new Answer(legId, answer);
    }

    /** The advisor starts or stops sharing; the customer's page is told at once. */
    public Status share(AgentId advisor, InteractionId interaction, boolean on) {
        Status status = status(advisor, interaction);
        Share share = shares.get(interaction);
        if (on && (!status.available() || share == null || share.advisorLeg() == null)) {
            throw new CallRefused(HttpStatus.CONFLICT, status.available() ? "send the screen leg's offer first"
                    : "the customer of " + interaction.value() + " cannot see a screen");
        }
        if (share != null) {
            shares.put(interaction, share.with(share.advisorLeg(), share.customerLeg(), on));
        }
        call(interaction).ifPresent(view -> customers.send(view.interaction().conversation(),
                ScreenShareMessage.of(on)));
        return new Status(status.available(), status.reason(), on);
    }

    /** Whether the advisor of the customer's call shares a screen now (a page that loads asks). */
    public boolean sharing(InteractionId interaction) {
        Share share = shares.get(interaction);
        return share != null && share.sharing();
    }

    /** The customer's page receives the screen on a leg of its own; a page that reloads replaces it. */
    public Answer customerOffer(InteractionId interaction, String sdpOffer) {
        requireSdp(sdpOffer);
        Share share = shares.get(interaction);
        if (share == null || share.advisorLeg() == null) {
            throw new CallRefused(HttpStatus.CONFLICT,
                    "the advisor of " + interaction.value() + " has not shared a screen");
        }
        MediaSession session = media.session(interaction);
        if (share.customerLeg() != null) {
            removeIfPresent(session, share.customerLeg());
        }
        String legId = Party.CUSTOMER.mediaName() + "-screen-" + UUID.randomUUID().toString().substring(0, 8);
        String answer = session.addScreenLeg(legId, Party.CUSTOMER, sdpOffer);
        shares.computeIfPresent(interaction, (k, old) -> old.with(old.advisorLeg(), legId, old.sharing()));
        return new Answer(legId, answer);
    }

    private boolean customerOnPhone(InteractionId interaction) {
        return media.find(interaction).map(s -> s.legs().stream().anyMatch(l -> l.party() == Party.CUSTOMER
                && l.transport() == LegInfo.Transport.RTP)).orElse(false);
    }

    private static void removeIfPresent(MediaSession session, String legId) {
        if (session.legs().stream().anyMatch(l -> l.legId().equals(legId))) {
            session.removeLeg(legId);
        }
    }

    private static void requireSdp(String sdpOffer) {
        if (sdpOffer == null || sdpOffer.isBlank()) {
            throw new IllegalArgumentException("sdp: the browser's offer is required");
        }
    }

    private Optional<InteractionView> call(InteractionId interaction) {
        return routing.interaction(interaction).filter(v -> v.status() == InteractionStatus.CONNECTED);
    }

    private InteractionView advisorsCall(AgentId advisor, InteractionId interaction) {
        InteractionView call = call(interaction)
                .orElseThrow(() -> CallRefused.notFound("no connected call " + interaction.value()));
        if (!call.advisor().map(advisor::equals).orElse(false)) {
            throw CallRefused.forbidden(
                    "interaction " + interaction.value() + " is not connected with " + advisor.value());
        }
        return call;
    }
}
