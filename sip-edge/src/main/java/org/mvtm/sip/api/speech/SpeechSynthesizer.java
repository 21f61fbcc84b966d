package org.mvtm.sip.api.speech;

import java.nio.file.Path;
import org.mvtm.core.Language;

/**
 * Text-to-speech port: renders a prompt or an FAQ answer in a language as 8 kHz mu-law (raw G.711, {@code .ul}),
 * the format the media bridge's playback ({@code playAudio}) plays into a SIP leg without converting. Renders of the
 * same text in the same language are cached, so an answer is synthesised once, not once per caller.
 */
public interface SpeechSynthesizer {

    /**
     * The file holding {@code text} spoken in {@code language}.
     *
     * @throws SpeechException if the engine fails (missing voice, engine not installed)
     */
    Path speak(String text, Language language);

    /** Whether the engine has a voice for {@code language}. */
    boolean speaks(Language language);
}
