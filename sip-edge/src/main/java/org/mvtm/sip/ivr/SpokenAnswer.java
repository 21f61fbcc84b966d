package org.mvtm.sip.ivr;

import org.mvtm.core.Language;

/**
 * An FAQ answer fit to be spoken: one that would take too long on the phone is cut at the last sentence (or word)
 * that fits in {@code maxChars} and ends with "more in the app" in the caller's language.
 */
final class SpokenAnswer {
    private SpokenAnswer() {
    }

    static String of(String answer, Language language, int maxChars) {
        String text = answer.strip();
        if (text.length() <= maxChars) {
            return text;
        }
        String head = text.substring(0, maxChars);
        int cut = -1;
        for (String end : new String[] {". ", "。", "！", "? ", "？", "; ", "；"}) {
            int at = head.lastIndexOf(end);
            if (at >= 0) {
                cut = Math.max(cut, at + end.strip().length());
            }
        }
        if (cut < maxChars / 3) {
            int space = head.lastIndexOf(' ');
            cut = space > maxChars / 3 ? space : maxChars;
        }
        String kept = head.substring(0, cut).strip();
        return kept + (language == Language.EN ? " " : "") + IvrPrompts.MORE_IN_THE_APP.in(language);
    }
}
