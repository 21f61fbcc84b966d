package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.Sipp;
import org.mvtm.testing.FreePorts;

/**
 * Interop with SIPp as a real user agent: an advisor desk phone that registers with digest authentication and
 * answers, and a customer calling a queue; the edge routes between them (B2BUA).
 */
@Tag("peer")
class SippInteropTest {
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1")));

    @Test
    void sippCustomerReachesSippAdvisorPhoneRegisteredWithDigest() throws Exception {
        String edge = "127.0.0.1:" + f.udp();
        int phonePort = FreePorts.udp();
        Process phone = Sipp.start("advisor_uas.xml", List.of("-i", "127.0.0.1", "-p", Integer.toString(phonePort),
                "-m", "1", "-mp", Integer.toString(FreePorts.udp())));
        Process register = Sipp.start("advisor_register.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(FreePorts.udp()), "-m", "1", "-s", "alice", "-au", "alice", "-ap", "alice-secret",
                "-key", "contact_port", Integer.toString(phonePort)));
        Sipp.assertSucceeded(register, "SIPp advisor REGISTER with digest");
        assertThat(f.registrations.bindings("sip:alice@bank.example", f.clock.instant()))
                .singleElement().satisfies(b -> assertThat(b.contact()).endsWith(":" + phonePort));

        f.routing.autoOfferTo = AgentId.of("alice");
        Process customer = Sipp.start("customer_uac.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(FreePorts.udp()), "-m", "1", "-s", "cards", "-d", "200",
                "-mp", Integer.toString(FreePorts.udp())));
        Sipp.assertSucceeded(customer, "SIPp customer call");
        Sipp.assertSucceeded(phone, "SIPp advisor phone");
        await().until(() -> f.events(InteractionEnded.class).stream()
                .anyMatch(e -> e.endedBy() == InteractionEnded.EndedBy.CUSTOMER));
        assertThat(f.edge.metrics().callsAnswered()).isEqualTo(1);
        assertThat(f.edge.metrics().phoneOffersByOutcome()).containsEntry("ANSWERED", 1L);
        assertThat(f.routing.declined).isEmpty();
    }
}
