package org.mvtm.chatbot.dialogue;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Customer text made safe for analysis: null becomes empty, markup tags and control characters are removed,
 * whitespace collapsed and the result cut to the analysis limit (never an exception). The original text is kept
 * for the transcript.
 */
record InputText(String original, String analysed, boolean hasWords) {
    /** Enough words to judge a low score as "not in the knowledge base" rather than "too short to tell". */
    boolean substantial() {
        long han = analysed.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long latinWords = Arrays.stream(analysed.split("[^\\p{IsLatin}]+")).filter(w -> w.length() > 1).count();
        return han >= 4 || latinWords >= 3 || han + latinWords >= 4;
    }

    private static final Pattern TAG = Pattern.compile("<[^<>]{0,512}>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final int MAX_TRANSCRIPT_CHARS = 20_000;

    static InputText of(String text, int maxAnalysedChars) {
        String original = text == null ? "" : text;
        String cut = original.length() > maxAnalysedChars * 4 ? original.substring(0, maxAnalysedChars * 4) : original;
        String clean = TAG.matcher(SCRIPT.matcher(cut).replaceAll(" ")).replaceAll(" ");
        clean = CONTROL.matcher(clean).replaceAll("");
        clean = clean.replaceAll("\\s+", " ").strip();
        if (clean.length() > maxAnalysedChars) {
            int end = maxAnalysedChars;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end);
        }
        boolean words = clean.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.COMMON);
        String kept = original.length() > MAX_TRANSCRIPT_CHARS
                ? original.substring(0, MAX_TRANSCRIPT_CHARS) + " [... " + (original.length() - MAX_TRANSCRIPT_CHARS)
                + " more characters]"
                : original;
        return new InputText(kept, clean, words);
    }
}
