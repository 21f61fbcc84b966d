package org.mvtm.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/**
 * A customer contact that wants a person: its channel, who, in which language, the skills it needs,
 * the queue it targets and the bot's handoff context.
 */
public record Interaction(
        InteractionId id,
        ConversationId conversation,
        Channel channel,
        Customer customer,
        Language language,
        List<SkillRequirement> requiredSkills,
        QueueId queue,
        HandoffContext handoff,
        Instant createdAt) {
    public Interaction {
        Objects.requireNonNull(id, "interaction id");
        Objects.requireNonNull(conversation, "conversation id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(createdAt, "createdAt");
        requiredSkills = List.copyOf(requiredSkills == null ? List.of() : requiredSkills);
        handoff = handoff == null ? HandoffContext.direct(language) : handoff;
        long distinct =
                requiredSkills.stream().map(SkillRequirement::skill).distinct().count();
        if (distinct != requiredSkills.size()) {
            throw new IllegalArgumentException("interaction " + id + " requires a skill twice: " + requiredSkills);
        }
    }
}
