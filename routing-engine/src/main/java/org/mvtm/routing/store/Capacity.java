package org.mvtm.routing.store;

import java.util.Map;
import java.util.function.BiFunction;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;

/**
 * Channel capacity rule shared by the matcher and both stores (the Redis Lua script implements the same rule):
 * media calls (video, voice) share one budget, {@code capacity} of the offered channel; chats use the chat capacity,
 * apart from it. So an advisor with the default capacities works one video call and three chats at once.
 */
public final class Capacity {
    private Capacity() {
    }

    /** The advisor's capacity on the channel: their profile's, else the configured default (0 if none). */
    public static int of(Advisor advisor, Channel channel, Map<Channel, Integer> defaults) {
        Integer n = advisor.capacity().get(channel);
        return n != null ? n : defaults.getOrDefault(channel, 0);
    }

    public static boolean hasRoom(Map<Channel, Integer> load, Channel channel, int capacity) {
        int media = load.getOrDefault(Channel.VIDEO, 0) + load.getOrDefault(Channel.VOICE, 0);
        int chats = load.getOrDefault(Channel.CHAT, 0);
        return channel == Channel.CHAT ? chats < capacity : media < capacity;
    }

    /** Whether an advisor with this load could take one more interaction of any channel. */
    public static boolean hasRoomForAny(Map<Channel, Integer> load, Advisor advisor,
                                        BiFunction<Advisor, Channel, Integer> capacity) {
        for (Channel c : Channel.values()) {
            if (hasRoom(load, c, capacity.apply(advisor, c))) {
                return true;
            }
        }
        return false;
    }
}
