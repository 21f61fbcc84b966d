package org.mvtm.web.api;

import java.util.Optional;

/**
 * Where web customers' conversations are kept beyond the node's memory. In a cluster the server gives one over the
 * shared Redis, so a customer whose node died reconnects to another node and finds their conversation (transcript,
 * status, queue place, advisor) as it was; a single node keeps them in memory only ({@link #NONE}).
 *
 * <p>The node holding a conversation saves it after every change; the node a customer reconnects to loads it.
 */
public interface ConversationStore {
    ConversationStore NONE = new ConversationStore() {
        @Override
        public void save(StoredConversation conversation) {
        }

        @Override
        public Optional<StoredConversation> load(String conversationId) {
            return Optional.empty();
        }

        @Override
        public void remove(String conversationId) {
        }
    };

    void save(StoredConversation conversation);

    Optional<StoredConversation> load(String conversationId);

    /** The conversation ended: nobody can resume it. */
    void remove(String conversationId);
}
