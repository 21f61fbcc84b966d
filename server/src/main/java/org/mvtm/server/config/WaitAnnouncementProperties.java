package org.mvtm.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code contact.wait-announcements.*}: SIP callers waiting in a queue are told their place and estimated wait in
 * their language every {@code interval} (at least 15 s), spoken by {@code speech-command} (espeak-ng).
 */
public record WaitAnnouncementProperties(@DefaultValue("true") boolean enabled,
                                         @DefaultValue("45s") Duration interval,
                                         @DefaultValue("espeak-ng") String speechCommand) {
    public WaitAnnouncementProperties {
        if (interval.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new InvalidConfigurationException("contact.wait-announcements.interval",
                    "must be at least 15s (a caller hears the announcement, then music until the next) but was " + interval);
        }
        if (speechCommand == null || speechCommand.isBlank()) {
            throw new InvalidConfigurationException("contact.wait-announcements.speech-command", "must name a program");
        }
    }
}
