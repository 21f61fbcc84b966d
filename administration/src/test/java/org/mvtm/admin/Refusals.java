package org.mvtm.admin;

import java.util.List;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;

/** What a test reads from a change the system of record refused: the errors on its fields. */
final class Refusals {
    private Refusals() {}

    /** The field errors {@code change} was refused with; fails if it was accepted. */
    static List<FieldError> errorsOf(Runnable change) {
        try {
            change.run();
        } catch (InvalidChange e) {
            return e.errors();
        }
        throw new AssertionError("the change was accepted");
    }

    /** The message of the error on {@code field}; fails if that field has none. */
    static String messageOn(List<FieldError> errors, String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error on " + field + " in " + errors))
                .message();
    }
}
