package org.mvtm.web.api;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes password hashes for {@link WebUser}: bcrypt, prefixed with {@code {bcrypt}}. */
public final class WebPasswords {
    private WebPasswords() {
    }

    /** The encoder the web tier verifies with (Spring Security's delegating encoder, bcrypt by default). */
    public static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    public static String hash(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("passwords must have at least 8 characters");
        }
        return encoder().encode(rawPassword);
    }
}
