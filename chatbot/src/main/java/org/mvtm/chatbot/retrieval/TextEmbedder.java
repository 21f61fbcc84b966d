package org.mvtm.chatbot.retrieval;

import java.util.List;

/** Turns text into a unit-length sentence vector. Thread-safe. */
public interface TextEmbedder {
    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
