package org.mvtm.admin.api;

import java.util.List;

/** A change was refused before anything was written; each error names the field and what is accepted. */
public final class InvalidChange extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidChange(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid"));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid change names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidChange of(String field, String message) {
        return new InvalidChange(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
