package org.mvtm.sip.api.speech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Language;
import org.mvtm.sip.speech.EspeakSynthesizer;
import org.mvtm.sip.speech.PocketsphinxRecognizer;
import org.mvtm.sip.speech.VoskRecognizer;

/** The speech adapters the edge ships, for the composition root. */
public final class Speech {
    private Speech() {
    }

    /** Debian's espeak-ng (voices yue, cmn, en) via sox to 8 kHz mu-law, cached under {@code cacheDir}. */
    public static SpeechSynthesizer espeak(Path cacheDir) {
        return new EspeakSynthesizer(cacheDir);
    }

    /** Debian's pocketsphinx with pocketsphinx-en-us (English only), temporary files under {@code workDir}. */
    public static SpeechRecognizer pocketsphinx(Path workDir) {
        return PocketsphinxRecognizer.debian(workDir);
    }

    /** Self-hosted Vosk servers (WebSocket), one URL per language. */
    public static SpeechRecognizer vosk(Map<Language, URI> servers, Duration timeout) {
        return new VoskRecognizer(servers, timeout);
    }

    /** One recogniser per language (e.g. pocketsphinx for English, Vosk for Mandarin and Cantonese). */
    public static SpeechRecognizer byLanguage(Map<Language, SpeechRecognizer> engines) {
        Map<Language, SpeechRecognizer> copy = engines.isEmpty() ? Map.of() : new EnumMap<>(engines);
        return new SpeechRecognizer() {
            @Override
            public Optional<String> recognize(short[] samples8k, Language language, List<String> phrases) {
                SpeechRecognizer engine = copy.get(language);
                if (engine == null) {
                    throw new SpeechException("no speech recogniser configured for " + language);
                }
                return engine.recognize(samples8k, language, phrases);
            }

            @Override
            public boolean recognizes(Language language) {
                SpeechRecognizer engine = copy.get(language);
                return engine != null && engine.recognizes(language);
            }
        };
    }
}
