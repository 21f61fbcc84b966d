package org.mvtm.web.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.mvtm.web.security.RequestRefused;
import org.springframework.http.HttpStatus;

/**
 * Reads an uploaded document: the raw request body (the file itself, {@code Content-Type} as the browser knows it,
 * ignored: the content decides). A body declared larger than the limit is refused before any of it is read, one
 * without a length (chunked) as soon as more than the limit has arrived: a 200 MB upload is never held in memory.
 * The global request size filter lets {@link #PATHS} through so this limit applies instead of its 128 KB one.
 */
public final class Uploads {
    /** The upload endpoints of both parties. */
    public static final Pattern PATHS = Pattern.compile(
            "/api/(agent/interactions|customer/conversations)/[^/]+/documents/?");

    private Uploads() {
    }

    /**
     * The body, at most {@code maxBytes}.
     *
     * @throws RequestRefused 413 naming {@code file}
     */
    public static byte[] read(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, declared + " bytes were sent");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes, "more was sent");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }

    private static RequestRefused tooLarge(long maxBytes, String sent) {
        return new RequestRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file", "a document may have at most "
                + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MB); " + sent);
    }
}
