package org.mvtm.routing.store;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.id.InteractionId;

/**
 * A snapshot of one advisor in the store.
 *
 * @param load        connected interactions per channel
 * @param millisIn    accumulated milliseconds per state, not counting the current stretch
 * @param idleSince   when the advisor last became READY (longest-idle ordering)
 * @param node        node hosting the advisor's endpoint, if attached
 */
public record AdvisorRecord(Advisor profile, AdvisorState state, String reason, Instant since, Instant idleSince,
                            Map<Channel, Integer> load, List<InteractionId> active, Optional<InteractionId> offer,
                            Optional<String> node, Map<AdvisorState, Long> millisIn, Optional<Instant> wrapUntil) {
    public AdvisorRecord {
        load = Map.copyOf(load);
        active = List.copyOf(active);
        millisIn = Map.copyOf(millisIn);
    }

    public int load(Channel c) {
        return load.getOrDefault(c, 0);
    }

    /** Media calls (video, voice) share one budget; chats have their own. */
    public int loadFor(Channel c) {
        return c == Channel.CHAT ? load(Channel.CHAT) : load(Channel.VIDEO) + load(Channel.VOICE);
    }

    /** Occupancy: RESERVED + BUSY + WRAP_UP over READY + RESERVED + BUSY + WRAP_UP, including the current stretch. */
    public double occupancy(Instant now) {
        Map<AdvisorState, Long> t = new EnumMap<>(AdvisorState.class);
        t.putAll(millisIn);
        t.merge(state, Math.max(0, Duration.between(since, now).toMillis()), Long::sum);
        long work = t.getOrDefault(AdvisorState.RESERVED, 0L) + t.getOrDefault(AdvisorState.BUSY, 0L) + t.getOrDefault(AdvisorState.WRAP_UP, 0L);
        long staffed = work + t.getOrDefault(AdvisorState.READY, 0L);
        return staffed == 0 ? 0 : (double) work / staffed;
    }
}
