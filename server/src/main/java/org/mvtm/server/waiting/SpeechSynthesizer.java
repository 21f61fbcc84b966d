package org.mvtm.server.waiting;

import java.io.IOException;
import org.mvtm.core.Language;

/**
 * Text to speech in a customer's language. The default is espeak-ng ({@link EspeakSpeech}); a text-to-speech port
 * elsewhere in the project (the SIP IVR's) can stand behind this interface instead.
 */
@FunctionalInterface
public interface SpeechSynthesizer {
    /** The spoken text as 16-bit mono audio; an IOException when the engine cannot speak it. */
    Pcm speak(String text, Language language) throws IOException;
}
