package org.mvtm.routing.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.InteractionStatus;

/**
 * Reads the Redis store's hashes (the fields {@code RedisScripts} writes) into records: an advisor, an interaction, a
 * waiting-index line and a queue's counters. Times are epoch milliseconds.
 */
final class RedisHashes {
    private RedisHashes() {
    }

    static AdvisorRecord advisor(Advisor profile, Map<String, String> h, Set<String> active) {
        Map<Channel, Integer> load = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            load.put(c, Integer.parseInt(h.getOrDefault("l" + c.name(), "0")));
        }
        Map<AdvisorState, Long> millis = new EnumMap<>(AdvisorState.class);
        for (AdvisorState s : AdvisorState.values()) {
            String v = h.get("t." + s.name());
            if (v != null) {
                millis.put(s, Long.parseLong(v));
            }
        }
        List<InteractionId> act = active.stream().sorted().map(InteractionId::of).toList();
        String offer = h.get("offer");
        return new AdvisorRecord(profile, AdvisorState.valueOf(h.get("state")), h.getOrDefault("reason", ""),
                at(h.get("since")), at(h.get("idle")), load, act,
                offer == null || offer.isEmpty() ? Optional.empty() : Optional.of(InteractionId.of(offer)),
                Optional.ofNullable(h.get("node")), millis, optionalAt(h.get("wrapUntil")));
    }

    static InteractionRecord interaction(Interaction ix, Map<String, String> h) {
        String advisor = h.get("advisor");
        String pinned = h.get("pinned");
        return new InteractionRecord(ix, InteractionStatus.valueOf(h.get("status")), QueueId.of(h.get("queue")),
                Long.parseLong(h.get("seq")), at(h.get("arrived")), at(h.get("enqueued")),
                advisor == null ? Optional.empty() : Optional.of(AgentId.of(advisor)),
                Long.parseLong(h.getOrDefault("token", "0")), Optional.ofNullable(h.get("offerNode")),
                optionalAt(h.get("lease")), optionalAt(h.get("answered")), declined(h.getOrDefault("declined", "")),
                pinned == null ? Optional.empty() : Optional.of(AgentId.of(pinned)));
    }

    /** A QUEUED record from its waiting-index line {@code seq|queue|enqueued|arrived|pinned|declined}. */
    static InteractionRecord waiting(Interaction ix, String line) {
        String[] f = line.split("\\|", -1);
        return new InteractionRecord(ix, InteractionStatus.QUEUED, QueueId.of(f[1]), Long.parseLong(f[0]), at(f[3]),
                at(f[2]), Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(), declined(f[5]),
                f[4].isEmpty() ? Optional.empty() : Optional.of(AgentId.of(f[4])));
    }

    static QueueCounters counters(Map<String, String> h) {
        return new QueueCounters(n(h, "offered"), n(h, "answered"), n(h, "abandoned"), n(h, "within"), n(h, "waitSum"),
                n(h, "completed"), n(h, "handleSum"));
    }

    /** {@code advisor=millis;advisor=millis}: who declined, and when. */
    private static Map<AgentId, Instant> declined(String field) {
        Map<AgentId, Instant> declined = new LinkedHashMap<>();
        for (String d : field.split(";")) {
            int eq = d.indexOf('=');
            if (eq > 0) {
                declined.put(AgentId.of(d.substring(0, eq)), at(d.substring(eq + 1)));
            }
        }
        return declined;
    }

    private static long n(Map<String, String> h, String k) {
        return Long.parseLong(h.getOrDefault(k, "0"));
    }

    static Instant at(String ms) {
        return Instant.ofEpochMilli(Long.parseLong(ms));
    }

    private static Optional<Instant> optionalAt(String ms) {
        return ms == null ? Optional.empty() : Optional.of(at(ms));
    }
}
