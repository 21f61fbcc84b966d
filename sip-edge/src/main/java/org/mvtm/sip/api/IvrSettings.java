package org.mvtm.sip.api;

import java.time.Duration;
import java.util.Objects;
import org.mvtm.sip.api.speech.SpeechRecognizer;
import org.mvtm.sip.api.speech.SpeechSynthesizer;

/**
 * The voice front door for SIP callers: queues whose {@link IvrKnowledge#topics} are not empty greet callers, offer
 * the topics by digit or by voice and speak the answers before the caller is queued.
 *
 * @param knowledge      the queue topics and the assistant's answers (required)
 * @param speech         text-to-speech (required)
 * @param recognizer     speech recognition; callers in a language it does not recognise use keys only
 * @param silence        no key and no speech for this long after a prompt: to an advisor (10 s)
 * @param maxSpokenChars an answer longer than this is cut and ends with "more in the app"
 */
public record IvrSettings(IvrKnowledge knowledge, SpeechSynthesizer speech, SpeechRecognizer recognizer,
                          Duration silence, int maxSpokenChars) {
    public IvrSettings {
        Objects.requireNonNull(knowledge, "knowledge (IvrKnowledge)");
        Objects.requireNonNull(speech, "speech (SpeechSynthesizer)");
        silence = silence == null ? Duration.ofSeconds(10) : silence;
        if (maxSpokenChars < 40) {
            throw new IllegalArgumentException("maxSpokenChars must be at least 40, was " + maxSpokenChars);
        }
    }
}
