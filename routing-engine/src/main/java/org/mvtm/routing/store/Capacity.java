package org.mvtm.routing.store;

import java.util.Map;
import org.mvtm.core.Channel;

/**
 * Channel capacity rule shared by the matcher and both stores (the Redis Lua script implements the same rule):
 * media calls (video, voice) and chats never mix; media calls share one budget, {@code capacity} of the offered
 * channel; chats use the chat capacity.
 */
public final class Capacity {
    private Capacity() {
    }

    public static boolean hasRoom(Map<Channel, Integer> load, Channel channel, int capacity) {
        int media = load.getOrDefault(Channel.VIDEO, 0) + load.getOrDefault(Channel.VOICE, 0);
        int chats = load.getOrDefault(Channel.CHAT, 0);
        return channel == Channel.CHAT ? media == 0 && chats < capacity : chats == 0 && media < capacity;
    }
}
