package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 item 2 on the real server with the default media addresses: a customer in Firefox ESR (max-bundle offer
 * with a bundle-only video m-line, mDNS host candidates, no loopback) and an advisor in Chromium are in a video
 * call through the embedded relay. Both decode video with frames advancing and bytes growing and receive audio, and
 * the recording has a video leg for each. The advisor then shares her screen (issue 22) and the Firefox page decodes
 * it on a peer connection of its own, recorded as a third video leg. The browser steps live in
 * server/src/test/browser/firefox-customer-video.js.
 */
@Tag("peer")
class FirefoxCustomerVideoTest {

    @Test
    void aFirefoxCustomerAndAChromiumAdvisorSeeAndHearEachOtherAndBothVideoLegsAreRecorded(@TempDir Path dir)
            throws Exception {
        JsonNode result = firefoxVideo(dir, Map.of("COMPLIANCE_USER", "shen"));
        assertThat(result.path("customerBrowser").asString()).contains("Firefox");
        for (String side : new String[] {"customer", "advisor"}) {
            JsonNode first = result.path("first").path(side);
            JsonNode later = result.path("later").path(side);
            assertThat(later.path("framesDecoded").asLong()).as(side + " frames")
                    .isGreaterThan(first.path("framesDecoded").asLong());
            assertThat(later.path("videoBytesReceived").asLong()).as(side + " video bytes")
                    .isGreaterThan(first.path("videoBytesReceived").asLong());
            assertThat(later.path("audioEnergy").asDouble()).as(side + " audio energy").isPositive();
        }
        assertThat(result.path("screenFramesDecoded").asLong()).as("screen frames decoded by Firefox").isPositive();
        assertThat(result.path("legs")).hasSize(3).anySatisfy(leg -> assertThat(leg.path("kind").asString())
                .isEqualTo("SCREEN")).allSatisfy(leg -> {
            assertThat(leg.path("mediaType").asString()).isEqualTo("video/webm");
            assertThat(leg.path("packets").asLong()).isPositive();
        });
    }

    /**
     * With the old default {@code contact.media.public-address=127.0.0.1} Firefox cannot reach the relay. Before,
     * both pages showed "Waiting for media…" forever; now both say the connection failed, the advisor's Retry makes
     * both pages offer again, and Hang up ends the call on both sides.
     */
    @Test
    void whenFirefoxCannotReachTheRelayBothSidesSeeAnErrorAndTheAdvisorCanRetryOrHangUp(@TempDir Path dir)
            throws Exception {
        JsonNode result = firefoxVideo(dir, Map.of("MODE", "failure"), "--contact.media.public-address=127.0.0.1");
        // li reads Traditional Chinese (she chose Cantonese); alice's console is in English
        assertThat(result.path("customerSays").asString()).isEqualTo("影音連線失敗。職員可以重新連線，你亦可以結束通話。");
        assertThat(result.path("advisorSays").asString())
                .isEqualTo("The video/audio connection failed. Retry, or hang up.");
    }

    /**
     * Runs firefox-customer-video.js (customer li in Firefox, advisor alice in Chromium, with {@code env} added) on a
     * server of its own started with {@code serverArgs} besides free media ports; what it printed after "FIREFOX VIDEO
     * OK".
     */
    private static JsonNode firefoxVideo(Path dir, Map<String, String> env, String... serverArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--contact.media.port-min=0", "--contact.media.port-max=0"));
        args.addAll(List.of(serverArgs));
        try (ServerProcess server = ServerProcess.start(dir, args.toArray(String[]::new))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            Map<String, String> all = new HashMap<>(env);
            all.putAll(Map.of("BASE_URL", server.baseUrl(), "PASSWORD", "demo1234", "CUSTOMER_USER", "li",
                    "ADVISOR_USER", "alice", "SCREENSHOTS",
                    NodeScript.REPO.resolve("server/target/screenshots").toString()));
            try (NodeScript call = NodeScript.start("server/src/test/browser/firefox-customer-video.js", all,
                    line -> { })) {
                call.awaitPrinted("FIREFOX VIDEO OK", Duration.ofMinutes(4), server.logDigest());
                String ok = call.output().lines().filter(l -> l.startsWith("FIREFOX VIDEO OK ")).findFirst()
                        .orElseThrow();
                return WebSession.JSON.readTree(ok.substring("FIREFOX VIDEO OK ".length()));
            }
        }
    }
}
