package org.mvtm.recording.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mvtm.core.digest.Digests;

/**
 * A document passed during a recorded call, as {@link ActiveRecording#addDocument} stores it.
 *
 * @param documentId  short id, unique in the recording ({@code [A-Za-z0-9_-]{1,40}}); the leg is {@code document-<id>}
 * @param at          when it was sent
 * @param sender      who sent it (advisor id or customer username)
 * @param party       ADVISOR or CUSTOMER
 * @param name        the name shown (file name or form title)
 * @param contentType e.g. {@code application/pdf}, {@code image/png}
 * @param signed      true for a signed form ({@link TimelineEntry.Kind#SIGNED_DOCUMENT})
 * @param attributes  extra details for the timeline (e.g. the form template's SHA-256); copied
 */
public record RecordedDocument(String documentId, Instant at, String sender, String party, String name,
                               String contentType, byte[] bytes, boolean signed, Map<String, String> attributes) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** The party of every document leg in {@link LegInfo#party()}. */
    public static final String LEG_PARTY = "document";

    public RecordedDocument {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bytes, "bytes");
        if (documentId == null || !ID.matcher(documentId).matches()) {
            throw new IllegalArgumentException("document id must be 1..40 of A-Z a-z 0-9 _ - but was " + documentId);
        }
        if (contentType == null || !contentType.contains("/")) {
            throw new IllegalArgumentException("content type must look like application/pdf but was " + contentType);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("document " + documentId + " is empty");
        }
        sender = sender == null ? "" : sender;
        party = party == null ? "" : party;
        name = name == null ? documentId : name;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The SHA-256 of the document's bytes, hex. */
    public String sha256() {
        return Digests.sha256Hex(bytes);
    }

    /** The timeline entry that records it: who sent what, when, and its SHA-256. */
    public TimelineEntry timelineEntry() {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put("documentId", documentId);
        a.put("legId", legId());
        a.put("name", name);
        a.put("contentType", contentType);
        a.put("size", String.valueOf(bytes.length));
        a.put("sha256", sha256());
        a.put("party", party);
        return new TimelineEntry(at, signed ? TimelineEntry.Kind.SIGNED_DOCUMENT : TimelineEntry.Kind.DOCUMENT, sender,
                (signed ? "signed " : "sent ") + name + " (" + contentType + ", " + bytes.length + " bytes, SHA-256 "
                        + a.get("sha256") + ")", a);
    }

    /** The recording leg that holds the document's bytes. */
    public String legId() {
        return "document-" + documentId;
    }
}
