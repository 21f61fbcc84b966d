package org.mvtm.web.pci;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.security.InputLimits;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * PCI pause as both parties of a connected interaction ask for it: the advisor's console button and the customer's
 * app or page. Each change is published as {@link RecordingPaused} (the recording marks the gap with who and why and
 * keeps neither media nor chat words in it); the state is kept per interaction so either side reads whether the
 * recording is paused, and forgotten when the interaction ends (the recording itself resumes at the end).
 * Who may ask is checked by the callers (the advisor connected with it, the customer who owns the conversation).
 */
@Component
public class PciPauses implements DisposableBean {
    /** The reason when none is given. */
    public static final String DEFAULT_REASON = "card details";

    /** Whether the recording of an interaction is paused, since when, by whom and why. */
    public record State(String interactionId, boolean paused, Instant since, String by, String party, String reason) {
    }

    private final EventBus events;
    private final Clock clock;
    private final Map<InteractionId, State> paused = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    public PciPauses(EventBus events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.subscriptions = List.of(
                events.subscribe(RecordingPaused.class, this::seen),
                events.subscribe(InteractionEnded.class, e -> paused.remove(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> paused.remove(e.interaction())));
    }

    /**
     * What a party asked for through the API ({@code {paused, reason}}), as {@link #set(InteractionId, boolean, String,
     * RecordingPaused.Party, String)}.
     *
     * @throws PciPauseChange.PausedMissing when {@code change} does not say whether to pause (400 naming the field)
     */
    public State set(InteractionId interaction, PciPauseChange change, String by, RecordingPaused.Party party) {
        return set(interaction, PciPauseChange.paused(change), by, party, change.reason());
    }

    /**
     * Pauses ({@code pause} true) or resumes the recording of {@code interaction}; asking for the state it is
     * already in changes nothing (and publishes nothing).
     *
     * @throws InputLimits.FieldTooLongException when the reason is over {@link InputLimits#REASON} characters
     */
    public State set(InteractionId interaction, boolean pause, String by, RecordingPaused.Party party, String reason) {
        String why = InputLimits.check("reason", reason == null ? "" : reason.strip(), InputLimits.REASON);
        if (why.isEmpty()) {
            why = pause ? DEFAULT_REASON : "card details given";
        }
        State now = state(interaction);
        if (now.paused() == pause) {
            return now;
        }
        events.publish(new RecordingPaused(clock.instant(), interaction, pause, by, party, why));
        return state(interaction);
    }

    public State state(InteractionId interaction) {
        return Optional.ofNullable(paused.get(interaction))
                .orElse(new State(interaction.value(), false, null, "", "", ""));
    }

    private void seen(RecordingPaused e) {
        if (e.paused()) {
            paused.put(e.interaction(), new State(e.interaction().value(), true, e.at(), e.by(), e.party().name(),
                    e.reason()));
        } else {
            paused.remove(e.interaction());
        }
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
