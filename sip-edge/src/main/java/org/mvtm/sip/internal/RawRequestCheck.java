package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict checks on the raw bytes of a request (RFC 3261 section 25 grammar, RFC 4475 section 3.1.2), run before
 * jain-sip's forgiving parser: request line with single SP and {@code SIP/2.0} (else 505), no LWS or {@code <>} in
 * the Request-URI, no escaped headers in a SIP Request-URI, single-value header fields once only, a numeric
 * Content-Length no larger than the body, required fields present, display names that are tokens or quoted,
 * no spaces inside {@code <addr-spec>}, {@code ?} only inside angle brackets, scalar fields in range.
 *
 * <p>When the original bytes do not parse at all, {@link Result#repaired()} holds a minimally fixed copy so the
 * stack can still build a transaction and answer with the violation's status.
 */
final class RawRequestCheck {

    record Result(RawViolation violation, byte[] repaired) {
    }

    private static final Map<String, String> COMPACT = Map.of("i", "call-id", "f", "from", "t", "to",
            "l", "content-length", "c", "content-type", "v", "via", "m", "contact", "k", "supported",
            "s", "subject", "e", "content-encoding");
    private static final Set<String> SINGLE = Set.of("call-id", "cseq", "from", "to", "max-forwards",
            "content-length", "content-type", "expires");
    private static final Set<String> ADDRESS = Set.of("from", "to", "contact", "route", "record-route", "reply-to");
    private static final Pattern TOKEN_DISPLAY = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~ \\t]*");
    private static final Pattern EMPTY_SEPARATORS = Pattern.compile(";\\s*[;,]|,\\s*[,;]|[;,]\\s*$|^\\s*[;,]");
    private static final Pattern EMPTY_PARAMS = Pattern.compile(";\\s*[;,]|,\\s*[,;]|[;,]\\s*$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RawRequestCheck() {
    }

    /** Empty if the request looks well-formed; responses are not checked (malformed ones are dropped). */
    static Optional<Result> check(byte[] raw) {
        return check(raw, true);
    }

    /** @param withBody false when the stream framer passes the header block only (TCP) */
    static Optional<Result> check(byte[] raw, boolean withBody) {
        if (raw.length >= 4 && raw[0] == 'S' && raw[1] == 'I' && raw[2] == 'P' && raw[3] == '/') {
            return Optional.empty(); // a response: not copied into a String at all
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        // UDP hands us the datagram with CRLF; jain-sip's TCP framer hands over lines joined with LF
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int headEnd;
        int sepLength;
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            headEnd = crlf;
            sepLength = 4;
        } else {
            headEnd = lf;
            sepLength = 2;
        }
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        int bodyLength = headEnd < 0 ? 0 : raw.length - (headEnd + sepLength);
        int firstEol = head.indexOf('\n');
        String requestLine = stripCr(firstEol < 0 ? head : head.substring(0, firstEol));
        List<String[]> headers = headers(firstEol < 0 ? "" : head.substring(firstEol + 1));

        RawViolation v = checkRequestLine(requestLine);
        if (v == null) {
            v = checkHeaders(headers, withBody ? bodyLength : Integer.MAX_VALUE);
        }
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(new Result(v, repair(requestLine, headers, text, headEnd)));
    }

    private static RawViolation checkRequestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()
                || line.contains("\t")) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length >= 3 && !tokens[tokens.length - 1].equalsIgnoreCase("SIP/2.0")
                    && tokens[tokens.length - 1].toUpperCase(Locale.ROOT).startsWith("SIP/")) {
                return new RawViolation(505, "Version Not Supported: " + tokens[tokens.length - 1]);
            }
            return new RawViolation(400, "malformed Request-Line (SP separators, LWS in the Request-URI)");
        }
        if (!parts[2].equals("SIP/2.0")) {
            if (parts[2].toUpperCase(Locale.ROOT).startsWith("SIP/") && !parts[2].equalsIgnoreCase("SIP/2.0")) {
                return new RawViolation(505, "Version Not Supported: " + parts[2]);
            }
            if (!parts[2].equalsIgnoreCase("SIP/2.0")) {
                return new RawViolation(400, "malformed SIP-Version " + parts[2]);
            }
        }
        String uri = parts[1];
        if (uri.startsWith("<") || uri.endsWith(">")) {
            return new RawViolation(400, "Request-URI must not be enclosed in <>");
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        // '?' may appear in the user part; headers start at a '?' after the host
        if ((lower.startsWith("sip:") || lower.startsWith("sips:")) && uri.indexOf('?', Math.max(0, uri.lastIndexOf('@'))) >= 0) {
            return new RawViolation(400, "escaped headers are not allowed in a SIP Request-URI");
        }
        return null;
    }

    private static RawViolation checkHeaders(List<String[]> headers, int bodyLength) {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] h : headers) {
            String name = h[0];
            String value = h[1];
            counts.merge(name, 1, Integer::sum);
            if (name.equals("content-length")) {
                if (!DIGITS.matcher(value).matches()) {
                    return new RawViolation(400, "Content-Length must be a non-negative number: " + value);
                }
                if (value.length() > 9 || Integer.parseInt(value) > bodyLength) {
                    return new RawViolation(400, "Content-Length " + value + " exceeds the " + bodyLength
                            + " octets of body received");
                }
            } else if (name.equals("cseq")) {
                RawViolation c = checkCseq(value);
                if (c != null) {
                    return c;
                }
            } else if (name.equals("max-forwards")) {
                if (!DIGITS.matcher(value).matches() || value.length() > 10 || Long.parseLong(value) > 255) {
                    return new RawViolation(400, "Max-Forwards out of range: " + value);
                }
            } else if (name.equals("expires")) {
                if (!DIGITS.matcher(value).matches() || value.length() > 10 || Long.parseLong(value) > 0xffffffffL) {
                    return new RawViolation(400, "Expires out of range: " + value);
                }
            } else if (name.equals("via")) {
                if (EMPTY_SEPARATORS.matcher(value).find()) {
                    return new RawViolation(400, "extraneous separators in Via: " + value);
                }
                for (String via : value.split(",")) {
                    String proto = via.strip().split("/")[0].strip() + "/" + via.strip().split("/")[1].strip();
                    if (!proto.equalsIgnoreCase("SIP/2.0")) {
                        return new RawViolation(505, "Version Not Supported in Via: " + proto);
                    }
                }
            } else if (ADDRESS.contains(name)) {
                String params = value.contains(">") ? value.substring(value.lastIndexOf('>') + 1) : value;
            RawViolation a = EMPTY_PARAMS.matcher(params).find()
                    ? new RawViolation(400, "extraneous separators in " + name + ": " + value)
                    : checkAddress(name, value);
                if (a != null) {
                    return a;
                }
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (SINGLE.contains(e.getKey()) && e.getValue() > 1) {
                return new RawViolation(400, "header field " + e.getKey() + " appears " + e.getValue()
                        + " times but allows one value");
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String required : List.of("call-id", "cseq", "from", "to", "via")) {
            if (!counts.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            return new RawViolation(400, "missing required header fields: " + String.join(", ", missing));
        }
        return null;
    }

    private static RawViolation checkCseq(String value) {
        String num = value.split("\\s+")[0];
        if (!DIGITS.matcher(num).matches() || num.length() > 10 || Long.parseLong(num) > 0x7fffffffL) {
            return new RawViolation(400, "CSeq number out of range: " + num);
        }
        return null;
    }

    /** name-addr / addr-spec rules of RFC 3261 section 20.10 and 25.1. */
    private static RawViolation checkAddress(String name, String value) {
        String v = value.strip();
        if (v.equals("*") && name.equals("contact")) {
            return null;
        }
        int quotes = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quotes++;
            }
        }
        if (quotes % 2 != 0) {
            return new RawViolation(400, "unterminated quoted string in " + name);
        }
        int lt = v.indexOf('<');
        if (lt < 0) {
            String uriPart = (v.contains(";") ? v.substring(0, v.indexOf(';')) : v).strip();
            if (uriPart.indexOf('?') >= 0 || uriPart.indexOf(' ') >= 0) {
                return new RawViolation(400, name + " URI with '?' or spaces must be enclosed in <>");
            }
            return null;
        }
        String display = v.substring(0, lt).strip();
        if (!display.startsWith("\"") && !TOKEN_DISPLAY.matcher(display).matches()) {
            return new RawViolation(400, "display name of " + name + " must be tokens or quoted: " + display);
        }
        int gt = v.indexOf('>', lt);
        if (gt < 0) {
            return new RawViolation(400, "unclosed < in " + name);
        }
        String inside = v.substring(lt + 1, gt);
        if (inside.chars().anyMatch(c -> c == ' ' || c == '\t')) {
            return new RawViolation(400, "spaces inside <addr-spec> of " + name);
        }
        return null;
    }

    /** Unfolded header fields as [lower-case full name, value]. */
    static List<String[]> headers(String block) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : block.split("\n", -1)) {
            String line = stripCr(raw);
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());
                continue;
            }
            if (current != null) {
                add(out, current.toString());
            }
            current = line.isEmpty() ? null : new StringBuilder(line);
        }
        if (current != null) {
            add(out, current.toString());
        }
        return out;
    }

    /** The first Via value without empty parameters. */
    private static String cleanVia(String value) {
        String first = value.split(",")[0];
        StringBuilder b = new StringBuilder();
        for (String part : first.split(";")) {
            if (!part.isBlank()) {
                b.append(b.length() == 0 ? "" : ";").append(part.strip());
            }
        }
        return b.toString();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void add(List<String[]> out, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        name = COMPACT.getOrDefault(name, name);
        out.add(new String[] {name, line.substring(colon + 1).strip()});
    }

    /**
     * A copy jain-sip can parse, only used when the original cannot be: a normalised request line and placeholder
     * From/To/Call-ID/CSeq when missing, no body. The answer to it still carries the client's Via.
     */
    private static byte[] repair(String requestLine, List<String[]> headers, String text, int headEnd) {
        String[] tokens = requestLine.strip().split("\\s+");
        String method = tokens.length > 0 && !tokens[0].isEmpty() ? tokens[0] : "OPTIONS";
        String uri = tokens.length >= 3
                ? String.join("", Arrays.copyOfRange(tokens, 1, tokens.length - 1)) : "sip:invalid";
        uri = uri.replace("<", "").replace(">", "");
        StringBuilder b = new StringBuilder(method).append(' ').append(uri).append(" SIP/2.0\r\n");
        Set<String> seen = new LinkedHashSet<>();
        for (String[] h : headers) {
            if (h[0].equals("content-length") || h[0].equals("content-type") || h[0].equals("max-forwards")
                    || h[0].equals("expires") || h[0].equals("contact")
                    || (ADDRESS.contains(h[0]) && checkAddress(h[0], h[1]) != null)
                    || (h[0].equals("cseq") && checkCseq(h[1]) != null)
                    || (SINGLE.contains(h[0]) && !seen.add(h[0]))) {
                continue;
            }
            b.append(h[0]).append(": ").append(h[0].equals("via") ? cleanVia(h[1]) : h[1]).append("\r\n");
        }
        if (!seen.contains("call-id")) {
            b.append("Call-ID: missing-").append(Integer.toHexString(text.hashCode())).append("\r\n");
        }
        if (!seen.contains("from")) {
            b.append("From: <sip:missing@invalid>;tag=missing\r\n");
        }
        if (!seen.contains("to")) {
            b.append("To: <sip:missing@invalid>\r\n");
        }
        if (!seen.contains("cseq")) {
            b.append("CSeq: 1 ").append(method).append("\r\n");
        }
        b.append("Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
