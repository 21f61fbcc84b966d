package org.mvtm.admin.internal;

import java.util.ArrayList;
import java.util.List;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;

/** Collects every bad field of one change, so the caller sees them all at once. */
final class Errors {
    private final List<FieldError> list = new ArrayList<>();

    Errors add(String field, String message) {
        list.add(new FieldError(field, message));
        return this;
    }

    boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidChange(list);
        }
    }
}
