package org.mvtm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackNumberTest {
    @Test
    void anE164NumberOrASipUriIsAcceptedAsTyped() {
        assertThat(CallbackNumber.parse(" +852 1234-5678 "))
                .isEqualTo(new CallbackNumber("+85212345678", CallbackNumber.Kind.E164));
        assertThat(CallbackNumber.parse("SIP:alice@bank.example:5060"))
                .isEqualTo(new CallbackNumber("sip:alice@bank.example:5060", CallbackNumber.Kind.SIP_URI));
        assertThat(CallbackNumber.parse("sips:bob@10.0.0.7").kind()).isEqualTo(CallbackNumber.Kind.SIP_URI);
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> CallbackNumber.parse("12345678")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> CallbackNumber.parse("+0123456789")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> CallbackNumber.parse("+1234")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> CallbackNumber.parse("+8521234567890123")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> CallbackNumber.parse("sip:nobody")).hasMessageContaining("SIP URI");
        assertThatThrownBy(() -> CallbackNumber.parse("sip:a b@host")).hasMessageContaining("SIP URI");
        assertThatThrownBy(() -> CallbackNumber.parse(" ")).hasMessageContaining("required");
    }
}
