package org.mvtm.sip.api.speech;

import java.util.List;
import java.util.Optional;
import org.mvtm.core.Language;

/**
 * Speech-recognition port: one caller utterance (8 kHz 16-bit linear samples, cut by the {@link Endpointer} at the
 * end of the utterance) to text, for the same retrieval as a chat line. {@code phrases} are what a caller is
 * expected to say at this point of the dialogue (the knowledge base's questions, menu commands); an engine that
 * decodes against a grammar uses them, a large-vocabulary engine may ignore them.
 */
public interface SpeechRecognizer {

    /** The text heard, empty when nothing was recognised. Blocking: call it from a virtual thread. */
    Optional<String> recognize(short[] samples8k, Language language, List<String> phrases);

    /** Whether this engine recognises {@code language}. */
    boolean recognizes(Language language);
}
