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

/** The SIP edge's voice front door from {@code contact.ivr}: espeak-ng prompts, the configured recognisers. */
final class IvrWiring {
    private IvrWiring() {
    }

    /** Null when no queue has IVR topics (callers are queued at once, as before). */
    static IvrSettings settings(ContactProperties props, Assistant assistant) {
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
        return new IvrSettings(new AssistantIvrKnowledge(assistant, ivr), Speech.espeak(speech.resolve("tts")),
                Speech.byLanguage(engines), ivr.silence(), ivr.maxSpokenChars());
    }
}
