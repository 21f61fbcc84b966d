package org.mvtm.web.compliance;

import org.mvtm.web.security.BadField;

/** A free-text field the compliance officer must fill in (a purpose, a reason), as it is written into the audit. */
final class RequiredText {
    /** Longest value taken (the purpose is written into every audit entry). */
    static final int MAX = 500;

    private RequiredText() {
    }

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
