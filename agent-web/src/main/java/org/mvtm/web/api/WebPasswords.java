package org.mvtm.web.api;

import org.mvtm.admin.api.PasswordPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes password hashes for {@link WebUser}: bcrypt, prefixed with {@code {bcrypt}}. Every password set for a local
 * account goes through the system of record's {@link PasswordPolicy} (the product has one) first
 * ({@link #hash(String, String)}).
 */
public final class WebPasswords {
    private static final PasswordPolicy POLICY = PasswordPolicy.standard();

    private WebPasswords() {
    }

    /** The encoder the web tier verifies with (Spring Security's delegating encoder, bcrypt by default). */
    public static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Checks the password against the {@link PasswordPolicy} for this username, then hashes it. */
    public static String hash(String username, String rawPassword) {
        POLICY.check(username, rawPassword);
        return encoder().encode(rawPassword);
    }

    /** Checks the password against the policy's rules that do not need the username, then hashes it. */
    public static String hash(String rawPassword) {
        return hash(null, rawPassword);
    }
}
