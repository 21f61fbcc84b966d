package org.mvtm.sip.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.ConversationId;

/**
 * Which conversation a SIP customer's MESSAGE (and call) belongs to, so SIP chat joins the same path as web chat
 * (chatbot first, then an advisor). The server may share this with other channels.
 */
@FunctionalInterface
public interface ChatConversations {

    /** The conversation of customer {@code aor} (e.g. {@code sip:bob@bank.example}); created on first use. */
    ConversationId conversationOf(String aor);

    /** One random conversation per address-of-record, kept in memory for the life of the edge. */
    static ChatConversations perAddressOfRecord() {
        Map<String, ConversationId> map = new ConcurrentHashMap<>();
        return aor -> map.computeIfAbsent(aor, a -> ConversationId.random());
    }
}
