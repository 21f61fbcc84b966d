package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Product;

/**
 * Engine-wide settings.
 *
 * @param skillCatalogue   every skill name the engine accepts (advisor skills, queue and interaction requirements);
 *                         anything else is refused as an unknown skill
 * @param wrapUpTime       how long WRAP_UP lasts before the advisor becomes READY by itself (zero = at once)
 * @param offerTimeout     default time an advisor has to accept an offer before it counts as no answer
 * @param defaultCapacity  capacity used for channels an advisor profile does not mention
 * @param scheduling       BACKGROUND (own matcher thread + timer every {@code tickInterval}) or MANUAL (matching runs on
 *                         the caller's thread, timers only fire on {@link RoutingEngine#tick()}: for tests/simulation)
 * @param tickInterval     period of the background timer (offer timeouts, wrap-up end, relaxation, leases)
 * @param reservationLease how long a reservation survives without its node renewing it (Redis store)
 * @param nodeTimeout      a node whose heartbeat is older than this is dead; its advisors get no offers (Redis store)
 * @param matchWindow      at most this many waiting customers (oldest first) are scored per matching round
 * @param redisKeyPrefix   prefix of every Redis key
 */
public record RoutingConfig(Set<String> skillCatalogue, Duration wrapUpTime, Duration offerTimeout,
                            Map<Channel, Integer> defaultCapacity, Scheduling scheduling, Duration tickInterval,
                            Duration reservationLease, Duration nodeTimeout, int matchWindow, String redisKeyPrefix) {

    public enum Scheduling { BACKGROUND, MANUAL }

    public RoutingConfig {
        skillCatalogue = Set.copyOf(Objects.requireNonNull(skillCatalogue, "skill catalogue"));
        Objects.requireNonNull(wrapUpTime, "wrapUpTime");
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        defaultCapacity = Map.copyOf(defaultCapacity == null ? Map.of(Channel.VIDEO, 1, Channel.VOICE, 1, Channel.CHAT, 3) : defaultCapacity);
        scheduling = scheduling == null ? Scheduling.BACKGROUND : scheduling;
        tickInterval = tickInterval == null ? Duration.ofMillis(100) : tickInterval;
        reservationLease = reservationLease == null ? Duration.ofSeconds(10) : reservationLease;
        nodeTimeout = nodeTimeout == null ? Duration.ofSeconds(5) : nodeTimeout;
        redisKeyPrefix = redisKeyPrefix == null || redisKeyPrefix.isBlank() ? "mvtm:routing" : redisKeyPrefix;
        if (wrapUpTime.isNegative()) {
            throw new IllegalArgumentException("wrapUpTime must not be negative but was " + wrapUpTime);
        }
        if (offerTimeout.isNegative() || offerTimeout.isZero()) {
            throw new IllegalArgumentException("offerTimeout must be positive but was " + offerTimeout);
        }
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tickInterval must be positive but was " + tickInterval);
        }
        if (reservationLease.isNegative() || reservationLease.isZero() || nodeTimeout.isNegative() || nodeTimeout.isZero()) {
            throw new IllegalArgumentException("reservationLease and nodeTimeout must be positive");
        }
        if (matchWindow < 1) {
            throw new IllegalArgumentException("matchWindow must be >= 1 but was " + matchWindow);
        }
    }

    /** Every language skill ({@code lang.en}, {@code lang.zh}, {@code lang.yue}) and product skill ({@code product.cards}...). */
    public static Set<String> standardSkills() {
        Set<String> s = new TreeSet<>();
        for (Language l : Language.values()) {
            s.add(l.skillName());
        }
        for (Product p : Product.values()) {
            s.add(p.skillName());
        }
        s.add("tier.vip");
        return s;
    }

    /** Standard skills, 30 s wrap-up, 15 s offer timeout, 1 video/voice + 3 chats, background scheduling. */
    public static RoutingConfig defaults() {
        return new RoutingConfig(standardSkills(), Duration.ofSeconds(30), Duration.ofSeconds(15), null,
                Scheduling.BACKGROUND, null, null, null, 5000, null);
    }

    public RoutingConfig withSkillCatalogue(Set<String> skills) {
        return new RoutingConfig(skills, wrapUpTime, offerTimeout, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withWrapUpTime(Duration d) {
        return new RoutingConfig(skillCatalogue, d, offerTimeout, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withOfferTimeout(Duration d) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, d, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withScheduling(Scheduling s) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, offerTimeout, defaultCapacity, s, tickInterval, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withTickInterval(Duration d) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, offerTimeout, defaultCapacity, scheduling, d, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withLeases(Duration reservationLease, Duration nodeTimeout) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, offerTimeout, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, matchWindow, redisKeyPrefix);
    }

    public RoutingConfig withMatchWindow(int window) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, offerTimeout, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, window, redisKeyPrefix);
    }

    public RoutingConfig withRedisKeyPrefix(String prefix) {
        return new RoutingConfig(skillCatalogue, wrapUpTime, offerTimeout, defaultCapacity, scheduling, tickInterval, reservationLease, nodeTimeout, matchWindow, prefix);
    }
}
