package org.mvtm.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a customer asked to be called back: an E.164 telephone number ({@code +85212345678}, dialled through the
 * configured SIP trunk) or a SIP URI ({@code sip:alice@example.com}). {@link #parse} refuses anything else with a
 * message that says what is accepted.
 */
public record CallbackNumber(String value, Kind kind) {
    public enum Kind {
        E164,
        SIP_URI
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SIP_URI =
            Pattern.compile("sips?:[A-Za-z0-9._~!$&'()*+,;=%-]{1,64}@[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    public CallbackNumber {
        Objects.requireNonNull(value, "callback number");
        Objects.requireNonNull(kind, "callback number kind");
    }

    /** The number a customer typed (spaces, dashes and brackets between digits are dropped), or a refusal. */
    public static CallbackNumber parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("a callback number is required: an E.164 number such as +85212345678 "
                    + "or a SIP URI such as sip:alice@example.com");
        }
        String s = typed.strip();
        if (s.regionMatches(true, 0, "sip", 0, 3)) {
            int colon = s.indexOf(':');
            String uri = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT) + s.substring(colon);
            if (SIP_URI.matcher(uri).matches()) {
                return new CallbackNumber(uri, Kind.SIP_URI);
            }
            throw new IllegalArgumentException("'" + shortened(s) + "' is not a SIP URI such as sip:alice@example.com");
        }
        String digits = s.replaceAll("[\\s().-]", "");
        if (E164.matcher(digits).matches()) {
            return new CallbackNumber(digits, Kind.E164);
        }
        throw new IllegalArgumentException("'" + shortened(s) + "' is not an E.164 number: a + and the country code, "
                + "7 to 15 digits in all, such as +85212345678");
    }

    private static String shortened(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
