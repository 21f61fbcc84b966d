package org.mvtm.web.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.ConversationId;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.stereotype.Component;

/**
 * The open customer sockets of each conversation (a rejoining page or a second tab adds one), and since when a
 * conversation whose page had a socket has none (the page was closed, or is reloading), or, for a client on the HTTP
 * API alone (the bank's app polling for lines), since its last request.
 */
@Component
public class CustomerPeers {
    private final Clock clock;
    private final Map<ConversationId, Set<SocketPeer>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, ConversationId> conversationOfPeer = new ConcurrentHashMap<>();
    private final Map<ConversationId, Instant> absentSince = new ConcurrentHashMap<>();

    public CustomerPeers(Clock clock) {
        this.clock = clock;
    }

    void join(SocketPeer peer, ConversationId conversation) {
        leave(peer);
        conversationOfPeer.put(peer.id(), conversation);
        byConversation.computeIfAbsent(conversation, k -> ConcurrentHashMap.newKeySet()).add(peer);
        absentSince.remove(conversation);
    }

    void leave(SocketPeer peer) {
        ConversationId previous = conversationOfPeer.remove(peer.id());
        if (previous != null) {
            byConversation.compute(previous, (k, peers) -> {
                if (peers != null) {
                    peers.remove(peer);
                }
                if (peers == null || peers.isEmpty()) {
                    absentSince.putIfAbsent(k, clock.instant());
                    return null;
                }
                return peers;
            });
        }
    }

    /**
     * A client without a socket was heard on the HTTP API for the conversation: it counts as present now, and as gone
     * once it has sent nothing for the grace period. Does nothing while a page has a socket.
     */
    void heardOverHttp(ConversationId conversation) {
        if (!byConversation.containsKey(conversation)) {
            absentSince.put(conversation, clock.instant());
        }
    }

    /**
     * Conversations whose pages have had no socket (and whose HTTP clients have sent no request) since before
     * {@code cutoff}; each is reported once.
     */
    List<ConversationId> goneSince(Instant cutoff) {
        List<ConversationId> gone = new ArrayList<>();
        absentSince.forEach((conversation, since) -> {
            if (!since.isAfter(cutoff) && absentSince.remove(conversation, since)) {
                gone.add(conversation);
            }
        });
        return gone;
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
