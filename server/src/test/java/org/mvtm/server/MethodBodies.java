package org.mvtm.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bodies of a Java source's methods by name, read as text: enough for a test that checks which method calls
 * which (ArchitectureDocumentTest), not a parser. A declaration is the name, its parameters and then a {@code {},
 * optionally after {@code throws ...}; a call ({@code name(...);}) is not one.
 */
final class MethodBodies {
    private MethodBodies() {}

    /** Every body (overloads included) of the methods or constructors named {@code name}, one after another. */
    static String of(String source, String name) {
        StringBuilder bodies = new StringBuilder();
        Matcher m = Pattern.compile("(?<![.\\w])" + Pattern.quote(name) + "\\s*\\(").matcher(source);
        while (m.find()) {
            int close = matching(source, m.end() - 1, '(', ')');
            if (close < 0) {
                continue;
            }
            int open = skipThrows(source, close + 1);
            if (open < source.length() && source.charAt(open) == '{' && !isCallArgument(source, m.start())) {
                int end = matching(source, open, '{', '}');
                if (end > open) {
                    bodies.append(source, open, end + 1).append('\n');
                }
            }
        }
        return bodies.toString();
    }

    /** A name after {@code new}, {@code return} or an operator is a call, even when a block follows (an anonymous class). */
    private static boolean isCallArgument(String source, int at) {
        String before = source.substring(Math.max(0, at - 8), at).strip();
        return before.endsWith("new") || before.endsWith("return") || before.endsWith("=") || before.endsWith("(")
                || before.endsWith(",") || before.endsWith("->");
    }

    private static int skipThrows(String source, int from) {
        int i = skipSpace(source, from);
        if (source.startsWith("throws", i)) {
            while (i < source.length() && source.charAt(i) != '{' && source.charAt(i) != ';') {
                i++;
            }
        }
        return i;
    }

    private static int skipSpace(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the bracket closing the one at {@code open}, passing over strings and characters; -1 if none. */
    private static int matching(String source, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        if (quote == '"' && source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 2;
        }
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return source.length();
    }
}
