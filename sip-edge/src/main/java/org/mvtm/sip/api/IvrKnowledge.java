package org.mvtm.sip.api;

import java.util.List;
import java.util.Optional;
import org.mvtm.core.Language;
import org.mvtm.core.Product;

/**
 * What the voice front door (IVR) needs from the assistant; the server adapts the chatbot's {@code Assistant} and the
 * per-queue IVR topics to it. Called from virtual threads.
 */
public interface IvrKnowledge {

    /** A menu entry: an FAQ of the knowledge base and the title the menu speaks for it. */
    record Topic(String faqId, String title, Optional<Product> product) {
    }

    /** The queue's top topics in menu order (digit 1 is the first), titled in {@code language}; empty: no IVR. */
    List<Topic> topics(String queue, Language language);

    /** The FAQ's answer in {@code language} (the knowledge base's fallback order applies). */
    Optional<String> answer(String faqId, Language language);

    /** The same retrieval as a chat line: the FAQ that answers what the caller said, if the assistant would answer. */
    Optional<Topic> find(String callerSaid, Language language);
}
