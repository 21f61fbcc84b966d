package org.mvtm.web.compliance;

/** A request field (header, parameter or body property) that is missing or wrong: 400 naming {@code field}. */
final class BadField extends IllegalArgumentException {
    private final String field;

    BadField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** {@code value} stripped, or a 400 naming {@code field} when it is blank or shorter than {@code min}. */
    static String required(String field, String value, int min, String what) {
        if (value == null || value.strip().length() < min) {
            throw new BadField(field, "state " + what + " (at least " + min + " characters)");
        }
        String v = value.strip();
        return v.length() > 500 ? v.substring(0, 500) : v;
    }
}
