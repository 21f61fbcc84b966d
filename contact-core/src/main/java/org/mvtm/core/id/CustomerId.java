package org.mvtm.core.id;

/** Identifier of a customer: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record CustomerId(String value) {
    public CustomerId {
        value = Ids.check("CustomerId", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
