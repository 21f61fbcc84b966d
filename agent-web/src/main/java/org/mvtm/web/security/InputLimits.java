package org.mvtm.web.security;

/**
 * How long a free-text field a person types may be. Too long is refused with the field's name (HTTP 400
 * {@code {"field", "message"}}, on a socket the error code {@code field.too-long}); nothing is cut silently or
 * half-applied. Lengths count UTF-16 characters, as the pages' {@code maxlength} does.
 */
public final class InputLimits {
    /** A chat line of a customer or an advisor. */
    public static final int CHAT_LINE = 2000;
    /** Wrap-up notes. */
    public static final int NOTES = 2000;
    /** A presence reason ("lunch", "coaching"), shown on every supervisor's board. */
    public static final int REASON = 200;

    private InputLimits() {
    }

    /** {@code value} when it is at most {@code max} characters long (null counts as empty). */
    public static String check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new FieldTooLongException(field, value.length(), max);
        }
        return value;
    }

    /** A free-text field over its limit. */
    public static final class FieldTooLongException extends IllegalArgumentException {
        private final String field;
        private final int max;

        public FieldTooLongException(String field, int length, int max) {
            super(field + " has " + length + " characters; at most " + max + " are accepted");
            this.field = field;
            this.max = max;
        }

        public String field() {
            return field;
        }

        public int max() {
            return max;
        }
    }
}
