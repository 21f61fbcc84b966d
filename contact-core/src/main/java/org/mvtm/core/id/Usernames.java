package org.mvtm.core.id;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a login name, wherever one is stored, looked up, throttled or remembered: compared without case and
 * without surrounding spaces ({@link #normalized}), and 2 to 64 of a-z 0-9 . _ - ({@link #valid}).
 */
public final class Usernames {
    /** What a valid username is, in the words refusals use. */
    public static final String RULE = "2 to 64 of a-z 0-9 . _ -";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private Usernames() {}

    /** {@code raw} as it is stored and compared: stripped and in lower case. */
    public static String normalized(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized username follows {@link #RULE}. */
    public static boolean valid(String normalized) {
        return normalized != null && USERNAME.matcher(normalized).matches();
    }
}
