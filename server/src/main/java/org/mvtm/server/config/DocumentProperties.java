package org.mvtm.server.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Documents passed in a call ({@code contact.documents}, issue 22).
 *
 * @param maxSize    the largest PDF, image or photo accepted (refused before the body is read)
 * @param library    the per-queue library: {@code <library>/<queue>/} holds the PDFs and images advisors of that
 *                   queue may send and its form templates ({@code *.form.json}); default
 *                   {@code <data-dir>/document-library}
 * @param maxPerCall documents one call may hold
 */
public record DocumentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        Path library,
        @DefaultValue("20") int maxPerCall) {
    public DocumentProperties {
        if (maxSize.toBytes() < 1024 || maxSize.toMegabytes() > 100) {
            throw new InvalidConfigurationException("contact.documents.max-size",
                    "must be 1KB to 100MB but was " + maxSize);
        }
        if (maxPerCall < 1) {
            throw new InvalidConfigurationException("contact.documents.max-per-call",
                    "must be at least 1 but was " + maxPerCall);
        }
    }
}
