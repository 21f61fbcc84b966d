package org.mvtm.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.mvtm.core.CallbackNumber;

/**
 * Where a SIP caller who asks for a callback is called back: the asserted identity before the From address, a
 * {@code +} number as E.164, any other SIP URI as it is; a withheld or malformed number is refused saying why. And a
 * callback that failed or ended cannot be dialled again.
 */
class CallbackNumberOfCallerTest {

    @Test
    void theAssertedIdentityWinsOverFromAndANumberIsDialledAsE164() throws Exception {
        CallbackNumber n = CallerNumber.of(invite("<sip:alice@bank.example>;tag=1",
                "P-Asserted-Identity: <sip:+85291234567@trunk.example;user=phone>"));
        assertThat(n).isEqualTo(new CallbackNumber("+85291234567", CallbackNumber.Kind.E164));
        assertThat(CallerNumber.of(invite("<sip:alice@bank.example>;tag=1", "P-Asserted-Identity: <tel:+447700900123>")))
                .isEqualTo(new CallbackNumber("+447700900123", CallbackNumber.Kind.E164));
        assertThat(CallerNumber.of(invite("\"Alice\" <sip:alice@bank.example:5070>;tag=1", null)))
                .isEqualTo(new CallbackNumber("sip:alice@bank.example:5070", CallbackNumber.Kind.SIP_URI));
    }

    @Test
    void aWithheldOrMalformedNumberIsRefusedSayingWhatIsAccepted() throws Exception {
        assertThatThrownBy(() -> CallerNumber.of(invite("<sip:anonymous@anonymous.invalid>;tag=1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withheld")
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> CallerNumber.of(invite("<sip:alice@bank.example>;tag=1",
                "P-Asserted-Identity: <tel:5551234>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'5551234' is not an E.164 number");
        assertThatThrownBy(() -> CallerNumber.of(invite("<sip:+12@trunk.example>;tag=1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'+12' is not an E.164 number");
    }

    @Test
    void aFailedOrEndedCallbackIsNeverDialledAgain() {
        assertThat(CallbackCall.TABLE.allows(CallbackCall.State.FAILED, CallbackCall.State.DIALLING)).isFalse();
        assertThat(CallbackCall.TABLE.allows(CallbackCall.State.ENDED, CallbackCall.State.DIALLING)).isFalse();
        assertThat(CallbackCall.TABLE.allows(CallbackCall.State.WAITING, CallbackCall.State.CONNECTED)).isFalse();
        assertThatThrownBy(() -> CallbackCall.TABLE.check("i-3", CallbackCall.State.FAILED, CallbackCall.State.RETRYING))
                .hasMessage("SIP callback i-3 cannot go from FAILED to RETRYING");
    }

    private static Request invite(String from, String extra) throws Exception {
        String text = "INVITE sip:general@mvtm.local SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: " + from + "\r\n"
                + "To: <sip:general@mvtm.local>\r\n"
                + "Call-ID: c-1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + (extra == null ? "" : extra + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        return new MessageFactoryImpl().createRequest(text);
    }
}
