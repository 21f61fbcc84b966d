package org.mvtm.web.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Documents passed in a call (issue 22). The server may provide a bean of this type; otherwise {@link #defaults()}.
 *
 * @param maxBytes   the largest document or photo accepted, in bytes (checked before the body is read)
 * @param library    the per-queue library: {@code <library>/<queue>/} holds the PDFs and images an advisor of that
 *                   queue may send and its form templates ({@code *.form.json}); empty: no library, uploads only
 * @param maxPerCall documents (sent, received, forms and signed forms) one call may hold
 */
public record DocumentSettings(long maxBytes, Optional<Path> library, int maxPerCall) {
    public DocumentSettings {
        if (maxBytes < 1024 || maxBytes > 100L * 1024 * 1024) {
            throw new IllegalArgumentException("the largest document must be 1 KB to 100 MB but was " + maxBytes);
        }
        if (maxPerCall < 1) {
            throw new IllegalArgumentException("documents per call must be at least 1 but was " + maxPerCall);
        }
    }

    public static DocumentSettings defaults() {
        return new DocumentSettings(10L * 1024 * 1024, Optional.empty(), 20);
    }
}
