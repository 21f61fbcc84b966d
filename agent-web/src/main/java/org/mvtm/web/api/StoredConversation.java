package org.mvtm.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A web customer's conversation as {@link ConversationStore} keeps it: plain values, so any node can rebuild it.
 * {@code interaction}, {@code advisor} and {@code advisorName} are empty strings when there is none yet.
 */
public record StoredConversation(String id, String owner, String customerId, String customerName, String tier,
                                 String region, Instant startedAt, String language, String channel, String status,
                                 String interaction, String advisor, String advisorName, boolean held,
                                 List<Line> transcript) {
    public StoredConversation {
        transcript = List.copyOf(transcript);
    }

    /** One line of the transcript, as the customer was shown it. */
    public record Line(Instant at, String speaker, String text) {
    }
}
