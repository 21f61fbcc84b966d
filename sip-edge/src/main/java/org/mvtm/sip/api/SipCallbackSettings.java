package org.mvtm.sip.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.sip.api.speech.SpeechSynthesizer;

/**
 * In-queue callbacks for SIP callers ({@code contact.wait.callbacks.*}): a queued caller presses {@code key} (SIP INFO
 * or RFC 4733), hears a confirmation and may hang up while keeping their place; when an advisor accepts, the edge
 * calls them back through {@code trunk}.
 *
 * @param trunk       {@code host:port} of the SIP trunk outbound callbacks go through; empty: SIP callers cannot ask
 * @param key         the key a waiting caller presses to ask for a callback
 * @param attempts    tries to reach the caller once an advisor took the callback (shared with web callbacks)
 * @param interval    time between two tries
 * @param ringTimeout an attempt not answered within this time is cancelled and counts as failed
 * @param speech      the confirmation's voice; null: the caller hears a short silence instead of the sentence
 */
public record SipCallbackSettings(Optional<String> trunk, char key, int attempts, Duration interval,
                                  Duration ringTimeout, SpeechSynthesizer speech) {
    public SipCallbackSettings {
        trunk = trunk == null ? Optional.empty() : trunk.map(String::strip).filter(t -> !t.isEmpty());
        trunk.ifPresent(t -> {
            if (!t.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("the callback trunk must be host or host:port but was '" + t + "'");
            }
        });
        if ("0123456789*#".indexOf(key) < 0) {
            throw new IllegalArgumentException("the callback key must be a digit, * or # but was '" + key + "'");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("callback attempts must be 1..10 but was " + attempts);
        }
        Objects.requireNonNull(interval, "callback interval");
        Objects.requireNonNull(ringTimeout, "callback ring timeout");
        ConfigChecks.requirePositive("callback interval", interval);
        ConfigChecks.requirePositive("callback ring timeout", ringTimeout);
    }

    /** No trunk: SIP callers are not offered callbacks. */
    public static SipCallbackSettings none() {
        return new SipCallbackSettings(Optional.empty(), '1', 3, Duration.ofMinutes(1), Duration.ofSeconds(30), null);
    }
}
