package org.mvtm.sip.internal;

import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.message.Request;
import org.mvtm.core.CallbackNumber;

/**
 * Where a SIP caller can be called back: the P-Asserted-Identity (RFC 3325, as a trunk or the caller's phone asserts
 * it) or else the From address. A {@code tel:} URI, or a SIP URI whose user part is a {@code +} number (or carries
 * {@code user=phone}), is an E.164 number; any other SIP URI is called as it is. Refused with
 * {@link IllegalArgumentException} (a message saying what is accepted) when it is neither, or withheld.
 */
final class CallerNumber {
    private CallerNumber() {
    }

    static CallbackNumber of(Request invite) {
        URI uri = invite.getHeader("P-Asserted-Identity") instanceof HeaderAddress pai && pai.getAddress() != null
                ? pai.getAddress().getURI()
                : ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI();
        return of(uri);
    }

    static CallbackNumber of(URI uri) {
        if (uri instanceof TelURL tel) {
            return CallbackNumber.parse((tel.isGlobal() ? "+" : "") + tel.getPhoneNumber());
        }
        if (uri instanceof SipURI sip) {
            String user = sip.getUser();
            if (user == null || user.isBlank() || user.equalsIgnoreCase("anonymous")
                    || sip.getHost().toLowerCase(Locale.ROOT).endsWith(".invalid")) {
                throw new IllegalArgumentException("the caller's number is withheld (" + sip + "): a callback needs "
                        + "an E.164 number such as +85212345678 or a SIP URI such as sip:alice@example.com");
            }
            if (user.startsWith("+") || "phone".equalsIgnoreCase(sip.getUserParam())) {
                return CallbackNumber.parse(user);
            }
            return CallbackNumber.parse((sip.isSecure() ? "sips:" : "sip:") + user + "@" + sip.getHost()
                    + (sip.getPort() > 0 ? ":" + sip.getPort() : ""));
        }
        return CallbackNumber.parse(String.valueOf(uri));
    }
}
