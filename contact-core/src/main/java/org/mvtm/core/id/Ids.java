package org.mvtm.core.id;

import java.util.regex.Pattern;

/** Shared validation for identifier records. */
final class Ids {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@:\\-]{1,128}");

    private Ids() {}

    static String check(String type, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type + " must not be blank");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(type + " '" + abbreviate(value)
                    + "' may contain only letters, digits and . _ - @ : (at most 128 characters)");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
