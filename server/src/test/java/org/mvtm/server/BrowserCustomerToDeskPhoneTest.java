package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The app customer calls, the advisor answers on a SIP desk phone that only speaks G.711: a customer in headless
 * Chromium chats with the assistant and presses "Voice call"; David's SIPp desk phone (PCMU only, registered with
 * digest auth) is offered the call, answers and plays speech. The phone answers first, so the browser is answered in
 * PCMU and the relay has nothing to transcode: the customer hears the phone, the phone's leg and the browser's leg are both recorded with
 * sound, and the compliance officer finds the call.
 */
@Tag("peer")
class BrowserCustomerToDeskPhoneTest {
    private static final String[] PURPOSE = {"X-Purpose", "desk phone test"};

    @Test
    void aBrowserCustomerTalksToAnAdvisorOnAG711DeskPhoneAndBothSidesAreRecorded(@TempDir Path dir) throws Exception {
        Path speech = SipJourneyTest.speechWav(dir, "Hello, this is David from the card team. How can I help you today?");
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofSeconds(120));
            Process phone = SipJourneyTest.deskPhone(dir, server, "david", speech, "smith");
            try {
                Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "CUSTOMER_USER", "smith",
                        "PASSWORD", "demo1234", "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
                try (NodeScript customer = NodeScript.start("server/src/test/browser/voice-to-desk-phone.js", env,
                        line -> { })) {
                    assertThat(customer.await(Duration.ofMinutes(3))).as(customer.output()
                            + "\nphone:\n" + SipJourneyTest.read(dir.resolve("phone.err"))
                            + "\nserver:\n" + server.output()).isZero();
                    String ok = customer.output().lines().filter(l -> l.startsWith("VOICE OK ")).findFirst().orElseThrow();
                    JsonNode stats = WebSession.JSON.readTree(ok.substring("VOICE OK ".length()));
                    assertThat(stats.path("audioCodec").asString()).as("the browser was answered in the phone's codec")
                            .isEqualTo("audio/PCMU");
                    assertThat(stats.path("audioEnergy").asDouble()).as("the customer heard the phone's speech")
                            .isGreaterThan(0.0);
                }
                assertThat(phone.waitFor(30, TimeUnit.SECONDS) && phone.exitValue() == 0)
                        .as("the desk phone answered and got the BYE when the customer hung up:\n"
                                + SipJourneyTest.read(dir.resolve("phone.err"))).isTrue();
            } finally {
                phone.destroyForcibly();
            }

            WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            SipJourneyTest.recordedVoiceCallWithBothLegs(officer, "smith", "david", PURPOSE, 100);
        }
    }
}
