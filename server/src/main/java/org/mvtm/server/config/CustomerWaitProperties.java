package org.mvtm.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.mvtm.sip.api.SipCallbackSettings;
import org.mvtm.sip.api.speech.SpeechSynthesizer;
import org.mvtm.web.api.AppointmentSettings;
import org.mvtm.web.api.CallbackSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customers who should not have to wait: in-queue callbacks ({@code contact.wait.callbacks.*}) and booked video
 * appointments ({@code contact.wait.appointments.*}). Bad values stop the start with the property named.
 */
@ConfigurationProperties("contact.wait")
public record CustomerWaitProperties(@DefaultValue Callbacks callbacks, @DefaultValue Appointments appointments) {

    /**
     * @param attempts   tries to reach a customer once an advisor took their callback (1..10)
     * @param interval   time between two tries
     * @param webhookUrl each try is POSTed here as JSON, for the bank's app to push a notification (empty: none)
     * @param sipTrunk    {@code host:port} of the SIP trunk that calls SIP callers back (empty: they are not offered)
     * @param sipKey      the key a queued SIP caller presses to ask for a callback
     * @param ringTimeout a callback try not answered within this time counts as failed
     */
    public record Callbacks(@DefaultValue("3") int attempts, @DefaultValue("60s") Duration interval,
                            @DefaultValue("") String webhookUrl, @DefaultValue("") String sipTrunk,
                            @DefaultValue("1") String sipKey, @DefaultValue("30s") Duration ringTimeout) {

        /** The SIP edge's side of the same callbacks (same attempts and interval), spoken with {@code speech}. */
        public SipCallbackSettings sipSettings(SpeechSynthesizer speech) {
            CallbackSettings shared = settings();
            if (sipKey.strip().length() != 1) {
                throw new InvalidConfigurationException("contact.wait.callbacks.sip-key", "must be one key but was '" + sipKey + "'");
            }
            try {
                return new SipCallbackSettings(Optional.of(sipTrunk), sipKey.strip().charAt(0), shared.attempts(),
                        shared.interval(), ringTimeout, speech);
            } catch (IllegalArgumentException e) {
                String property = e.getMessage().contains("trunk") ? "contact.wait.callbacks.sip-trunk"
                        : e.getMessage().contains("key") ? "contact.wait.callbacks.sip-key"
                        : "contact.wait.callbacks.ring-timeout";
                throw new InvalidConfigurationException(property, e.getMessage());
            }
        }

        public CallbackSettings settings() {
            if (attempts < 1 || attempts > 10) {
                throw new InvalidConfigurationException("contact.wait.callbacks.attempts", "must be 1..10 but was " + attempts);
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new InvalidConfigurationException("contact.wait.callbacks.interval", "must be positive but was " + interval);
            }
            Optional<URI> webhook = Optional.empty();
            if (!webhookUrl.isBlank()) {
                try {
                    URI u = URI.create(webhookUrl.strip());
                    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                        throw new IllegalArgumentException("not http(s)");
                    }
                    webhook = Optional.of(u);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigurationException("contact.wait.callbacks.webhook-url",
                            "must be an http(s) URL but was '" + webhookUrl + "'");
                }
            }
            return new CallbackSettings(attempts, interval, webhook);
        }
    }

    /**
     * @param bookedAdvisorWait how long a customer who joined their appointment waits for the booked advisor only
     * @param joinEarly         how long before the start the customer may join
     */
    public record Appointments(@DefaultValue("3m") Duration bookedAdvisorWait, @DefaultValue("10m") Duration joinEarly) {
        public AppointmentSettings settings() {
            if (bookedAdvisorWait.isNegative()) {
                throw new InvalidConfigurationException("contact.wait.appointments.booked-advisor-wait", "must not be negative");
            }
            if (joinEarly.isNegative()) {
                throw new InvalidConfigurationException("contact.wait.appointments.join-early", "must not be negative");
            }
            return new AppointmentSettings(bookedAdvisorWait, joinEarly);
        }
    }
}
