package org.mvtm.core.signin;

/** Told of every outcome the throttle sees; the server counts them in Micrometer ({@code mvtm.signin.attempts}). */
@FunctionalInterface
public interface SignInObserver {
    enum Outcome {
        SUCCEEDED,
        FAILED,
        SLOWED,
        LOCKED_OUT,
        ACCOUNT_LOCKED
    }

    void observed(SignInChannel channel, Outcome outcome);

    static SignInObserver none() {
        return (channel, outcome) -> {};
    }
}
