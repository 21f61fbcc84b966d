package org.mvtm.web.customer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.ConversationId;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.stereotype.Component;

/** The open customer sockets of each conversation (a rejoining page or a second tab adds one). */
@Component
public class CustomerPeers {
    private final Map<ConversationId, Set<SocketPeer>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, ConversationId> conversationOfPeer = new ConcurrentHashMap<>();

    void join(SocketPeer peer, ConversationId conversation) {
        leave(peer);
        conversationOfPeer.put(peer.id(), conversation);
        byConversation.computeIfAbsent(conversation, k -> ConcurrentHashMap.newKeySet()).add(peer);
    }

    void leave(SocketPeer peer) {
        ConversationId previous = conversationOfPeer.remove(peer.id());
        if (previous != null) {
            byConversation.computeIfPresent(previous, (k, peers) -> {
                peers.remove(peer);
                return peers.isEmpty() ? null : peers;
            });
        }
    }

    Optional<ConversationId> conversationOf(SocketPeer peer) {
        return Optional.ofNullable(conversationOfPeer.get(peer.id()));
    }

    /** Sends to every open socket of the conversation. */
    public void send(ConversationId conversation, Object message) {
        Set<SocketPeer> peers = byConversation.get(conversation);
        if (peers != null) {
            peers.forEach(p -> p.send(message));
        }
    }

    public boolean connected(ConversationId conversation) {
        return byConversation.containsKey(conversation);
    }
}
