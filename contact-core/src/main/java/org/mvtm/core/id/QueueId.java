package org.mvtm.core.id;

/** Identifier of a queue: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record QueueId(String value) {
    public QueueId {
        value = Ids.check("QueueId", value);
    }

    public static QueueId of(String value) {
        return new QueueId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
