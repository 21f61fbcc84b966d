package org.mvtm.sip.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipTransport;

/**
 * What every {@link SharedDialogs} store does, run against each implementation (in memory, real redis-server): a
 * saved dialog comes back whole under its Call-ID and under its node, and is gone once removed.
 */
public abstract class SharedDialogsContract {

    /** An empty store saving for {@code node}. */
    protected abstract SharedDialogs store(String node);

    public static SharedDialog dialog(String callId, String interaction, Party party) {
        return new SharedDialog(callId, "b2bua-tag", "phone-tag", "<sip:cards@mvtm.local>",
                "\"li\" <sip:li@mvtm.local>", "sip:li@127.0.0.1:5072;transport=udp",
                List.of("<sip:proxy1.bank.example;lr>", "<sip:proxy2.bank.example;lr>"), SipTransport.UDP, 0, 2,
                "v=0\r\no=customer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n",
                InteractionId.of(interaction), party, null);
    }

    @Test
    void aSavedDialogComesBackWholeByCallIdAndByItsNodeUntilRemoved() {
        SharedDialogs store = store("http://10.0.0.1:8080");
        SharedDialog customer = dialog("call-1@phone", "i-1", Party.CUSTOMER);
        SharedDialog advisor = dialog("call-2@edge", "i-1", Party.ADVISOR);
        store.save(customer);
        store.save(advisor);

        assertThat(store.find("call-1@phone")).contains(customer.heldBy("http://10.0.0.1:8080"));
        assertThat(store.heldBy("http://10.0.0.1:8080")).containsExactlyInAnyOrder(
                customer.heldBy("http://10.0.0.1:8080"), advisor.heldBy("http://10.0.0.1:8080"));
        assertThat(store.nodes()).containsExactly("http://10.0.0.1:8080");

        store.remove("call-1@phone");
        assertThat(store.find("call-1@phone")).isEmpty();
        assertThat(store.heldBy("http://10.0.0.1:8080")).containsExactly(advisor.heldBy("http://10.0.0.1:8080"));
        store.remove("call-1@phone"); // twice: nothing happens
        store.remove("call-2@edge");
        assertThat(store.heldBy("http://10.0.0.1:8080")).isEmpty();
    }

    @Test
    void aDialogWithoutRoutesOrSdpKeepsThemEmpty() {
        SharedDialogs store = store("node-a");
        SharedDialog bare = new SharedDialog("call-3", "l", "r", "<sip:edge@mvtm.local>", "<sip:erin@mvtm.local>",
                "sip:erin@127.0.0.1:5080", List.of(), SipTransport.TCP, 1, 0, null, InteractionId.of("i-3"),
                Party.ADVISOR, null);
        store.save(bare);
        assertThat(store.find("call-3")).hasValueSatisfying(d -> {
            assertThat(d.routeSet()).isEmpty();
            assertThat(d.peerSdp()).isEmpty();
            assertThat(d.transport()).isEqualTo(SipTransport.TCP);
            assertThat(d.node()).isEqualTo("node-a");
        });
    }
}
