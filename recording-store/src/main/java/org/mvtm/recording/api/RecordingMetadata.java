package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Objects;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/** Who and what a recording is about; indexed for search and written into the signed manifest. */
public record RecordingMetadata(InteractionId interaction, ConversationId conversation, Channel channel,
                                CustomerId customer, String customerName, AgentId advisor, String advisorName,
                                QueueId queue, Region region, Language language, Instant startedAt) {
    public RecordingMetadata {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        customerName = customerName == null ? "" : customerName;
        Objects.requireNonNull(advisor, "advisor");
        advisorName = advisorName == null ? "" : advisorName;
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
