package org.mvtm.core.id;

import java.util.UUID;

/** Identifier of a interaction: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record InteractionId(String value) {
    public InteractionId {
        value = Ids.check("InteractionId", value);
    }

    public static InteractionId of(String value) {
        return new InteractionId(value);
    }

    public static InteractionId random() {
        return new InteractionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
