package org.mvtm.server.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.mvtm.core.signin.SignInChannel;
import org.mvtm.core.signin.SignInObserver;

/**
 * Counts the sign-in throttle's outcomes as {@code mvtm.signin.attempts} (Prometheus:
 * {@code mvtm_signin_attempts_total{channel="sip",outcome="failed"}}), one counter per channel and outcome.
 */
public final class MicrometerSignInObserver implements SignInObserver {
    private final Map<SignInChannel, Map<Outcome, Counter>> counters = new EnumMap<>(SignInChannel.class);

    public MicrometerSignInObserver(MeterRegistry registry) {
        for (SignInChannel channel : SignInChannel.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("mvtm.signin.attempts")
                        .description("Password and SIP digest checks by outcome: succeeded, failed (wrong password), "
                                + "slowed or locked_out (refused by the throttle), account_locked (a lock began)")
                        .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            counters.put(channel, byOutcome);
        }
    }

    @Override
    public void observed(SignInChannel channel, Outcome outcome) {
        counters.get(channel).get(outcome).increment();
    }
}
