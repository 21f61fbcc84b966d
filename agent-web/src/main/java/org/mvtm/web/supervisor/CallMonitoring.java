package org.mvtm.web.supervisor;

import java.time.Clock;
import java.util.Locale;
import org.mvtm.core.Channel;
import org.mvtm.core.event.CallMonitored;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.security.CallRefused;
import org.springframework.stereotype.Component;

/**
 * A supervisor listening to, whispering into or barging into a live call of their regions. Every start, change and
 * stop is written to the audit log and published as {@link CallMonitored} (the recording's timeline); a call of
 * another region is refused (and the refusal audited). The media topology is the relay's ({@code MonitorMode}).
 */
@Component
public class CallMonitoring {
    private final RoutingEngine routing;
    private final BrowserCallLegs media;
    private final RecordingStore recordings;
    private final EventBus events;
    private final Clock clock;

    public CallMonitoring(RoutingEngine routing, BrowserCallLegs media, RecordingStore recordings, EventBus events,
                          Clock clock) {
        this.routing = routing;
        this.media = media;
        this.recordings = recordings;
        this.events = events;
        this.clock = clock;
    }

    /** A mode that is not listen, whisper or barge (400 naming the field). */
    static final class BadMode extends IllegalArgumentException {
        BadMode(String message) {
            super(message);
        }
    }

    static MonitorMode mode(String value) {
        try {
            return MonitorMode.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadMode("mode must be LISTEN, WHISPER or BARGE but was '" + value + "'");
        }
    }

    BrowserCallLegs.Answer start(WebUser supervisor, InteractionId interaction, MonitorMode mode, String sdpOffer) {
        InteractionView call = liveCall(supervisor, interaction);
        if (sdpOffer == null || sdpOffer.isBlank()) {
            throw new IllegalArgumentException("sdp: the browser's offer is required");
        }
        boolean rejoin = media.isMonitoring(interaction, supervisor.username());
        BrowserCallLegs.Answer answer = media.addMonitor(interaction, supervisor.username(), sdpOffer, mode);
        if (!rejoin) {
            events.publish(new CallParticipation(clock.instant(), interaction, supervisor.username(),
                    CallParticipation.Role.SUPERVISOR, CallParticipation.WEB, true));
        }
        done(supervisor, call, mode.name(), true);
        return answer;
    }

    void change(WebUser supervisor, InteractionId interaction, MonitorMode mode) {
        InteractionView call = liveCall(supervisor, interaction);
        if (!media.monitor(interaction, supervisor.username(), mode)) {
            throw CallRefused.notFound(supervisor.username() + " is not monitoring " + interaction.value());
        }
        done(supervisor, call, mode.name(), true);
    }

    void stop(WebUser supervisor, InteractionId interaction) {
        if (media.stopMonitor(interaction, supervisor.username())) {
            routing.interaction(interaction).ifPresent(call -> done(supervisor, call, "STOPPED", false));
            events.publish(new CallParticipation(clock.instant(), interaction, supervisor.username(),
                    CallParticipation.Role.SUPERVISOR, CallParticipation.WEB, false));
        }
    }

    private InteractionView liveCall(WebUser supervisor, InteractionId interaction) {
        InteractionView call = MonitoredInteractions.connected(routing, recordings, supervisor, interaction, "call",
                "monitor");
        Channel channel = call.interaction().channel();
        if (channel != Channel.VOICE && channel != Channel.VIDEO) {
            throw CallRefused.notFound("interaction " + interaction.value() + " is a " + channel + ", not a call");
        }
        return call;
    }

    private void done(WebUser supervisor, InteractionView call, String mode, boolean active) {
        InteractionId id = call.interaction().id();
        MonitoredInteractions.audit(recordings, supervisor, call, "monitor " + id.value() + " " + mode);
        events.publish(new CallMonitored(clock.instant(), id, supervisor.username(), mode, active));
    }
}
