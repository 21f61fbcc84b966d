package org.mvtm.admin.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Local passwords: at least 8 characters with a letter and a digit, not containing the username, not one of the
 * passwords every cracking list starts with. Longer passphrases pass without further rules (NIST SP 800-63B).
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password1", "passw0rd", "12345678a", "qwerty123", "abc12345",
            "password123", "letmein1", "welcome1", "admin123", "iloveyou1", "p@ssw0rd", "changeme1");

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused for {@code username}, or empty if it is acceptable. */
    static Optional<String> violation(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("must contain a letter and a digit");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most common passwords");
        }
        return Optional.empty();
    }
}
