package org.mvtm.server.wiring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.core.Language;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.IvrProperties;
import org.mvtm.sip.api.IvrSettings;
import org.mvtm.sip.api.speech.Speech;
import org.mvtm.sip.api.speech.SpeechRecognizer;
import org.mvtm.sip.api.speech.SpeechSynthesizer;

/** The SIP edge's voice front door from {@code contact.ivr}: espeak-ng prompts, the configured recognisers. */
final class IvrWiring {
    private IvrWiring() {
    }

    /**
     * The one text-to-speech adapter: espeak-ng prompts cached under {@code <data-dir>/speech/tts}, spoken by the IVR
     * and by the wait announcements.
     */
    static SpeechSynthesizer speech(ContactProperties props) {
        return Speech.espeak(props.dataDir().resolve("speech").resolve("tts"));
    }

    /** Null when no queue has IVR topics (callers are queued at once, as before). */
    static IvrSettings settings(ContactProperties props, Assistant assistant, SpeechSynthesizer tts) {
        IvrProperties ivr = props.ivr();
        if (ivr.queues().isEmpty()) {
            return null;
        }
        Path speech = props.dataDir().resolve("speech");
        Map<String, String> configured = ivr.recognizers().isEmpty() ? Map.of("en", "pocketsphinx") : ivr.recognizers();
        Map<Language, SpeechRecognizer> engines = new EnumMap<>(Language.class);
        for (Map.Entry<String, String> e : configured.entrySet()) {
            Language language = Language.fromTag(e.getKey());
            engines.put(language, e.getValue().equals("pocketsphinx")
                    ? Speech.pocketsphinx(speech.resolve("asr"))
                    : Speech.vosk(Map.of(language, URI.create(e.getValue())), Duration.ofSeconds(10)));
        }
        return new IvrSettings(new AssistantIvrKnowledge(assistant, ivr), tts,
                Speech.byLanguage(engines), ivr.silence(), ivr.maxSpokenChars());
    }
}
