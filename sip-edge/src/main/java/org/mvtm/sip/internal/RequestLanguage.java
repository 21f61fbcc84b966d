package org.mvtm.sip.internal;

import java.util.Optional;
import javax.sip.header.AcceptLanguageHeader;
import javax.sip.message.Request;
import org.mvtm.core.Language;

/** The language a caller's request asks for ({@code Accept-Language}), if it names one of the three. */
final class RequestLanguage {
    private RequestLanguage() {
    }

    static Optional<Language> of(Request req) {
        AcceptLanguageHeader h = (AcceptLanguageHeader) req.getHeader(AcceptLanguageHeader.NAME);
        if (h == null || h.getAcceptLanguage() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Language.fromTag(h.getAcceptLanguage().toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
