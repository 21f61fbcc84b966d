package org.mvtm.admin.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mvtm.core.id.Usernames;

/**
 * What a local account's password must be: at least {@value #MIN_LENGTH} characters (spaces count, so a passphrase
 * of a few words passes), at most {@value #MAX_LENGTH}, not the username (nor containing it), not one character
 * repeated, and not on the list of commonly used passwords shipped with the server
 * ({@code common-passwords.txt}, compared without case). The one policy of the product: the system of record checks
 * every local password it stores with it, and the web tier with {@link #check}. Errors name the field {@code password}.
 *
 * <p>{@link #allowing} exempts published passwords, for the demo seed only (demo mode's well-known {@code demo1234}).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;
    private final Set<String> exempt;

    private PasswordPolicy(Set<String> common, Set<String> exempt) {
        this.common = Set.copyOf(common);
        this.exempt = Set.copyOf(exempt);
    }

    /** This policy, letting {@code published} passwords through (demo mode's seed password; never a bank's). */
    public PasswordPolicy allowing(Set<String> published) {
        Set<String> all = new HashSet<>(exempt);
        all.addAll(published);
        return new PasswordPolicy(common, all);
    }

    /** The policy with the shipped common-password list. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the administration jar");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
            return new PasswordPolicy(words, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule the password breaks, in words a user understands; empty when it is acceptable. */
    public List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password is required");
            return problems;
        }
        if (exempt.contains(password)) {
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password must have at least " + MIN_LENGTH + " characters (a passphrase of a few words "
                    + "works) but has " + length);
        }
        if (length > MAX_LENGTH) {
            problems.add("password must have at most " + MAX_LENGTH + " characters but has " + length);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String user = username == null ? "" : Usernames.normalized(username);
        if (!user.isEmpty() && lower.contains(user)) {
            problems.add("password must not contain the username");
        }
        if (password.codePoints().distinct().count() == 1) {
            problems.add("password must not be one character repeated");
        }
        if (common.contains(lower) || common.contains(lower.replaceAll("[\\s\\d!@#$%^&*.]+$", ""))) {
            problems.add("password is on the list of commonly used passwords");
        }
        return problems;
    }

    /** Throws {@link WeakPasswordException} naming every rule the password breaks. */
    public void check(String username, String password) {
        List<String> problems = violations(username, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
    }

    /** A password the policy refuses; the field is {@code password}. */
    public static final class WeakPasswordException extends IllegalArgumentException {
        private final List<String> problems;

        WeakPasswordException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public String field() {
            return "password";
        }

        public List<String> problems() {
            return problems;
        }
    }
}
