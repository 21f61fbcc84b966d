package org.mvtm.chatbot.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer line that only makes sense against the previous turn: a continuation ("and for credit cards?",
 * 「咁信用卡呢？」, "what about a mortgage") asks the same question about something else; a correction ("no, I mean the
 * fee", 「唔係，我係問年費」) says the answer was the wrong one of the candidates. {@link #fragment} is what the
 * customer added ("credit cards", "the fee"), to be read together with the previous question.
 *
 * @param kind     continuation or correction
 * @param fragment the words the customer added, trimmed (may be empty for a bare "no, not that")
 */
record FollowUp(Kind kind, String fragment) {
    enum Kind {
        /** The same question about another thing: the previous answer is not what they want now. */
        CONTINUATION,
        /** The previous answer was the wrong candidate: the customer wants another one. */
        CORRECTION
    }

    /** A follow-up is short: a longer line is a question of its own. */
    private static final int MAX_WORDS = 10;
    private static final int MAX_CHINESE_CHARS = 14;

    private static final List<Pattern> EN_CORRECTIONS = List.of(
            Pattern.compile("^(?:no|nope|not that(?: one)?|that'?s not (?:it|what i (?:meant|asked))|wrong(?: answer)?)"
                    + "\\b[\\s,.!]*(?:(?:i|i'm|i am)\\s+(?:mean|meant|asking about|asked about|was asking about|"
                    + "talking about|was talking about)\\b)?\\s*(.*)$"),
            Pattern.compile("^i\\s+(?:mean|meant|was asking about|was talking about)\\b\\s*(.*)$"));
    private static final List<Pattern> EN_CONTINUATIONS = List.of(
            Pattern.compile("^(?:and|but|so)?\\s*(?:what|how)\\s+about\\s+(.+)$"),
            Pattern.compile("^(?:and|but)\\s+(?:for|with|on|in|if|about|the same for)\\s+(.+)$"),
            Pattern.compile("^(?:and|but)\\s+(?:what if|if)\\s+(.+)$"),
            Pattern.compile("^(?:same|the same)\\s+(?:for|with)\\s+(.+)$"));
    private static final Pattern ZH_CORRECTION = Pattern.compile(
            "^(?:唔係|唔系|不是|唔啱|錯咗|错了|錯了|不对|不對|唔係呢個|不是这个|不是這個)[\\s，,。！!]*"
                    + "(?:我(?:係|是|系)?(?:想)?(?:問|问|講|讲|說|说|指|想知)(?:嘅係|的是)?)?[\\s，,]*(.*)$");
    private static final Pattern ZH_CONTINUATION = Pattern.compile(
            "^(?:咁|噉|那|那么|那麼|而|至於|至于)?[\\s，,]*(.+?)(?:呢|又點|又点|又點樣|又点样|又怎樣|又怎样|又如何|點樣|怎么样)$");

    /** The follow-up in a customer line, if it is one (the line as analysed: normalised, trimmed). */
    static Optional<FollowUp> of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[?？.。!！]+$", "").trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (chinese(t)) {
            Matcher m = ZH_CORRECTION.matcher(t);
            if (m.matches()) {
                return Optional.of(new FollowUp(Kind.CORRECTION, m.group(1).trim()));
            }
            m = ZH_CONTINUATION.matcher(t);
            if (m.matches() && t.codePointCount(0, t.length()) <= MAX_CHINESE_CHARS) {
                return Optional.of(new FollowUp(Kind.CONTINUATION, m.group(1).trim()));
            }
            return Optional.empty();
        }
        if (t.split("\\s+").length > MAX_WORDS) {
            return Optional.empty();
        }
        for (Pattern p : EN_CORRECTIONS) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                return Optional.of(new FollowUp(Kind.CORRECTION, m.group(1).trim()));
            }
        }
        for (Pattern p : EN_CONTINUATIONS) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                return Optional.of(new FollowUp(Kind.CONTINUATION, m.group(1).trim()));
            }
        }
        return Optional.empty();
    }

    private static boolean chinese(String t) {
        return t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
