package org.mvtm.chatbot.api;

/**
 * Tells English, Mandarin (Simplified) and Cantonese (colloquial, usually Traditional) apart, including code-mixed
 * text. Cantonese is recognised from its own particles and characters (嘅 咗 唔 冇 係 喺 ...), not only from the script.
 * Thread-safe, never throws for any non-null input.
 */
public interface LanguageDetector {
    LanguageGuess detect(String text);
}
