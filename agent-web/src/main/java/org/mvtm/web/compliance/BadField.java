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

    /** Longest value taken (the purpose is written into every audit entry). */
    static final int MAX = 500;

    /**
     * {@code value} stripped, or a 400 naming {@code field} when it is blank, shorter than {@code min} or longer
     * than {@link #MAX} characters.
     */
    static String required(String field, String value, int min, String what) {
        if (value == null || value.strip().length() < min) {
            throw new BadField(field, "state " + what + " (at least " + min + " characters)");
        }
        String v = value.strip();
        if (v.length() > MAX) {
            throw new BadField(field, field + " has " + v.length() + " characters; at most " + MAX + " are accepted");
        }
        return v;
    }
}
