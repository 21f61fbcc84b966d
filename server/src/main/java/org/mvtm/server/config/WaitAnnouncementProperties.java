package org.mvtm.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code contact.wait-announcements.*}: SIP callers waiting in a queue are told their place and estimated wait in
 * their language every {@code interval} (at least 15 s), spoken by the SIP edge's text-to-speech port (espeak-ng, the
 * IVR's). {@code speech-command} is bound only to refuse it: it chose a second speech program, which no longer exists.
 */
public record WaitAnnouncementProperties(@DefaultValue("true") boolean enabled,
                                         @DefaultValue("45s") Duration interval,
                                         String speechCommand) {
    public WaitAnnouncementProperties {
        if (interval.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new InvalidConfigurationException("contact.wait-announcements.interval",
                    "must be at least 15s (a caller hears the announcement, then music until the next) but was " + interval);
        }
        if (speechCommand != null) {
            throw new InvalidConfigurationException("contact.wait-announcements.speech-command",
                    "is no longer read: wait announcements are spoken by the same espeak-ng and sox as the SIP IVR "
                            + "(cached under <data-dir>/speech/tts); remove this setting");
        }
    }
}
