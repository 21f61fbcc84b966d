package org.mvtm.core.id;

import java.util.UUID;

/** Identifier of a recording: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record RecordingId(String value) {
    public RecordingId {
        value = Ids.check("RecordingId", value);
    }

    public static RecordingId of(String value) {
        return new RecordingId(value);
    }

    public static RecordingId random() {
        return new RecordingId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
