package org.mvtm.web.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mvtm.web.security.RequestRefused;

/**
 * What a document is, from its content, never its name: a PDF ({@code %PDF-}), a PNG or a JPEG; anything else is
 * refused naming what its first bytes say (an executable renamed {@code .pdf} is "a Windows executable"). A PDF that
 * can run something when opened is refused: the names {@code /JavaScript}, {@code /JS}, {@code /Launch},
 * {@code /EmbeddedFile} or {@code /RichMedia} anywhere, written plainly, with {@code #xx} escapes, or inside a
 * Flate-compressed stream (object streams can hide them there).
 */
public final class DocumentChecks {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final List<String> ACTIVE = List.of("JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles",
            "RichMedia");
    private static final Pattern NAME = Pattern.compile("/([^\\s/<>\\[\\]()\\{\\}%]+)");
    private static final Pattern STREAM = Pattern.compile("stream\r?\n");
    private static final int INFLATED_LIMIT = 64 * 1024 * 1024;

    private DocumentChecks() {
    }

    /**
     * The content type of {@code bytes}, checked.
     *
     * @throws RequestRefused (field {@code field}) when it is empty, not a PDF, PNG or JPEG, or a PDF with scripts
     */
    public static String contentType(String field, byte[] bytes) {
        if (bytes.length == 0) {
            throw RequestRefused.bad(field, "the file is empty");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw RequestRefused.bad(field, "only PDF, PNG and JPEG files can be sent, whatever the file's name; "
                    + "this one is " + describe(bytes));
        }
        if (type.equals(PDF)) {
            activeContent(bytes).ifPresentOrElse(name -> {
                throw RequestRefused.bad(field, "the PDF contains /" + name
                        + " (scripts, launch actions or embedded files are not accepted)");
            }, () -> { });
        }
        return type;
    }

    static String sniff(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return PNG;
        }
        if (starts(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return JPEG;
        }
        return null;
    }

    private static String describe(byte[] b) {
        if (starts(b, new byte[] {'M', 'Z'})) {
            return "a Windows executable";
        }
        if (starts(b, new byte[] {0x7f, 'E', 'L', 'F'})) {
            return "a Linux executable";
        }
        if (starts(b, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe})
                || starts(b, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe})) {
            return "a macOS executable";
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            return "a ZIP archive";
        }
        return "of an unknown type";
    }

    /** The first name that makes the PDF active, if any, in its plain text or its Flate streams. */
    static Optional<String> activeContent(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Optional<String> found = activeName(text);
        if (found.isPresent()) {
            return found;
        }
        Matcher stream = STREAM.matcher(text);
        long inflatedTotal = 0;
        while (stream.find()) {
            int end = text.indexOf("endstream", stream.end());
            if (end < 0) {
                break;
            }
            byte[] inflated = inflate(pdf, stream.end(), end - stream.end(), INFLATED_LIMIT - inflatedTotal);
            inflatedTotal += inflated.length;
            found = activeName(new String(inflated, StandardCharsets.ISO_8859_1));
            if (found.isPresent()) {
                return found;
            }
            if (inflatedTotal >= INFLATED_LIMIT) {
                return Optional.of("FlateDecode (a stream inflates beyond "
                        + INFLATED_LIMIT / (1024 * 1024) + " MB)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> activeName(String text) {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = unescape(m.group(1));
            if (ACTIVE.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** PDF names may write any character as {@code #xx}. */
    private static String unescape(String name) {
        if (name.indexOf('#') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '#' && i + 2 < name.length()) {
                try {
                    out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the character
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The stream inflated (zlib), or nothing when it is not Flate data; at most {@code limit} bytes. */
    private static byte[] inflate(byte[] b, int offset, int length, long limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished() && out.size() < limit) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
