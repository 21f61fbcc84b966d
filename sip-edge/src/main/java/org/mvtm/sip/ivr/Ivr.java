package org.mvtm.sip.ivr;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.IvrSettings;

/**
 * The edge's voice front door: the IVR calls in progress, by interaction. The SIP handlers call {@link #start}
 * instead of queueing a caller of a queue with topics, pass SIP INFO keys with {@link #key} and tell {@link #ended}
 * when the call is over; every call's dialogue runs on its own serial lane, never on a SIP or media thread.
 */
public final class Ivr implements AutoCloseable {
    private final IvrSettings settings;
    private final CallMedia media;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Map<InteractionId, IvrCall> calls = new ConcurrentHashMap<>();

    public Ivr(IvrSettings settings, CallMedia media, Clock clock, ScheduledExecutorService timers) {
        this.settings = settings;
        this.media = media;
        this.clock = clock;
        this.timers = timers;
    }

    /** Whether callers of {@code queue} go through the IVR (the queue has topics). */
    public boolean answers(String queue, Language language) {
        return !settings.knowledge().topics(queue, language).isEmpty();
    }

    /**
     * Greets the caller; {@code toAdvisor} is called once (on the call's lane) when the caller is to be queued with
     * the IVR's context, after the caller's audio is no longer listened to.
     */
    public void start(InteractionId interaction, String queue, Language language, String sdpAnswer,
                      Consumer<HandoffContext> toAdvisor) {
        IvrCall call = new IvrCall(interaction, new IvrDialogue(interaction.value(), queue, language,
                settings.knowledge(), clock, settings.silence(), settings.maxSpokenChars()), settings, media, timers,
                IvrCall.telephoneEventType(sdpAnswer), context -> {
                    calls.remove(interaction);
                    toAdvisor.accept(context);
                });
        calls.put(interaction, call);
        call.start();
    }

    /** A key from a SIP INFO of the call; false if the call is not in the IVR. */
    public boolean key(InteractionId interaction, char key) {
        IvrCall call = calls.get(interaction);
        if (call == null) {
            return false;
        }
        call.key(key);
        return true;
    }

    /** A SIP INFO body of the call ({@code application/dtmf-relay} or {@code application/dtmf}). */
    public boolean info(InteractionId interaction, String contentSubtype, String body) {
        return Dtmf.infoBody(contentSubtype, body).map(k -> key(interaction, k)).orElse(false);
    }

    /** The key a SIP INFO body carries ({@code application/dtmf-relay} or {@code application/dtmf}), if any. */
    public static Optional<Character> infoKey(String contentSubtype, String body) {
        return Dtmf.infoBody(contentSubtype, body);
    }

    /** The call ended (caller hung up, edge shutting down): stop listening and timers. */
    public void ended(InteractionId interaction) {
        IvrCall call = calls.remove(interaction);
        if (call != null) {
            call.end();
        }
    }

    @Override
    public void close() {
        calls.keySet().forEach(this::ended);
    }
}
