package org.mvtm.core.id;

import java.util.UUID;

/** Identifier of a conversation: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record ConversationId(String value) {
    public ConversationId {
        value = Ids.check("ConversationId", value);
    }

    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
