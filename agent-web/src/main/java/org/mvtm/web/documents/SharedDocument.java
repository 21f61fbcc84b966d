package org.mvtm.web.documents;

import java.time.Instant;

/**
 * A document of a call as both parties' pages see it.
 *
 * @param id          the document's id in the call ({@code d1}, {@code d2}...; a signed form {@code signed-d3})
 * @param kind        {@code document} (PDF or image), {@code form} (a template to fill) or {@code signed}
 * @param party       ADVISOR or CUSTOMER, who sent it
 * @param sender      the advisor's id or the customer's username
 * @param sha256      of its bytes, as in the recording's timeline
 * @param form        for a signed form, the id of the form it fills; for a form, the id of its signed document once
 *                    signed; otherwise empty
 */
public record SharedDocument(String id, String kind, String name, String contentType, long size, String sha256,
                             String party, String sender, Instant at, String form) {
    SharedDocument signedAs(String signedId) {
        return new SharedDocument(id, kind, name, contentType, size, sha256, party, sender, at, signedId);
    }
}
