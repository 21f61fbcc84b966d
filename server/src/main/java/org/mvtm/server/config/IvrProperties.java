package org.mvtm.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The voice front door for SIP callers ({@code contact.ivr}). A queue listed under {@code queues} greets its callers
 * and offers its topics (FAQ ids of the knowledge base, digit 1 first); other queues queue callers at once.
 *
 * @param queues         queue name to its top FAQ ids, in menu order
 * @param titles         FAQ id to its menu title per language tag ({@code en}, {@code zh}, {@code yue}); an FAQ
 *                       without a title in a language is announced by its id
 * @param silence        no key and no speech for this long after a prompt: to an advisor
 * @param maxSpokenChars answers longer than this are cut and end with "more in the app"
 * @param recognizers    language tag to {@code pocketsphinx} (English only) or a Vosk server's {@code ws://} URL
 */
public record IvrProperties(
        @DefaultValue Map<String, List<String>> queues,
        @DefaultValue Map<String, Map<String, String>> titles,
        @DefaultValue("10s") Duration silence,
        @DefaultValue("300") int maxSpokenChars,
        @DefaultValue Map<String, String> recognizers) {
    public IvrProperties {
        queues = Map.copyOf(queues);
        titles = Map.copyOf(titles);
        recognizers = Map.copyOf(recognizers);
        if (maxSpokenChars < 40) {
            throw new InvalidConfigurationException("contact.ivr.max-spoken-chars",
                    "must be at least 40 characters but was " + maxSpokenChars);
        }
        if (silence.isNegative() || silence.isZero()) {
            throw new InvalidConfigurationException("contact.ivr.silence", "must be positive but was " + silence);
        }
        for (Map.Entry<String, String> r : recognizers.entrySet()) {
            if (!r.getValue().equals("pocketsphinx") && !r.getValue().matches("wss?://.+")) {
                throw new InvalidConfigurationException("contact.ivr.recognizers." + r.getKey(),
                        "must be 'pocketsphinx' or a Vosk server's ws:// URL but was '" + r.getValue() + "'");
            }
        }
    }
}
