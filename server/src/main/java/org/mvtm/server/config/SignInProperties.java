package org.mvtm.server.config;

import java.time.Duration;
import org.mvtm.core.signin.ThrottleSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code contact.sign-in.*}: the one throttle of the consoles' sign-in and SIP digest authentication (see
 * docs/operations.md, "Sign-in and SIP throttling", and {@link ThrottleSettings} for what each limit does).
 */
public record SignInProperties(
        @DefaultValue("3") int accountFree,
        @DefaultValue("5") int addressFree,
        @DefaultValue("200") int globalFree,
        @DefaultValue("10") int lockAfter,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("10s") Duration globalMaxDelay,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("15m") Duration forget,
        @DefaultValue("1m") Duration globalWindow) {

    public SignInProperties {
        settings(accountFree, addressFree, globalFree, lockAfter, firstDelay, maxDelay, globalMaxDelay, lockout, forget,
                globalWindow);
    }

    public ThrottleSettings settings() {
        return settings(accountFree, addressFree, globalFree, lockAfter, firstDelay, maxDelay, globalMaxDelay, lockout,
                forget, globalWindow);
    }

    private static ThrottleSettings settings(int accountFree, int addressFree, int globalFree, int lockAfter,
                                             Duration firstDelay, Duration maxDelay, Duration globalMaxDelay,
                                             Duration lockout, Duration forget, Duration globalWindow) {
        try {
            return new ThrottleSettings(accountFree, addressFree, globalFree, lockAfter, firstDelay, maxDelay,
                    globalMaxDelay, lockout, forget, globalWindow);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidConfigurationException("contact.sign-in", e.getMessage());
        }
    }
}
