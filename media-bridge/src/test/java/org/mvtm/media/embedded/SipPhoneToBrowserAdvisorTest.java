package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.testing.Baresip;
import org.mvtm.media.testing.BrowserPages;
import org.mvtm.media.testing.CountingSink;
import org.mvtm.media.testing.EventLog;
import org.mvtm.media.testing.MiniSipUas;

/**
 * MUST-SHOW: a real SIP user agent (baresip, PCMU from an espeak-ng WAV) calls in and is bridged to a Chromium
 * advisor page: the page receives the speech, baresip receives the browser's microphone, both legs are recorded.
 */
@Tag("peer")
class SipPhoneToBrowserAdvisorTest {

    @Test
    void baresipCallerAndChromiumAdvisorHearEachOther(@TempDir Path tmp) throws Exception {
        EventLog log = new EventLog();
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(
                EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC())) {
            media.addListener(log);
            MediaSession session = media.session(InteractionId.of("sip-call"));
            CountingSink sink = CountingSink.recording(session);
            Path speech = Baresip.speechWav(tmp, "Hello, I would like to speak to an advisor about my credit card.");
            try (MiniSipUas uas = new MiniSipUas(sdp -> session.addRtpLeg("customer", Party.CUSTOMER, sdp));
                 Baresip phone = Baresip.dial(tmp.resolve("baresip"), speech,
                         "sip:relay@127.0.0.1:" + uas.port())) {
                try {
                    await().atMost(Duration.ofSeconds(20)).until(() ->
                            !log.of(MediaEvent.MediaFlowing.class, "customer").isEmpty());
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("no RTP from baresip; events " + log.events + "; uas error "
                            + uas.lastError + "; baresip log:\n" + phone.log(), e);
                }
                assertThat(session.legs()).extracting(LegInfo::payloadTypes).first().asList()
                        .extracting("encoding").contains("PCMU");
                BrowserPages.Result result = BrowserPages.run(session, 40, "audio", 3000, tmp, "advisor:advisor");
                assertThat(result.exitCode()).as("advisor page hears the SIP caller; last stats %s%n%s",
                        result.lastReport(), result.stderr()).isZero();
                // the browser answered with PCMU because the SIP party already used it: no transcoding
                assertThat(session.legs().stream().filter(l -> l.legId().equals("advisor")).findFirst().orElseThrow()
                        .payloadTypes()).extracting("encoding").contains("PCMU").doesNotContain("opus");
                assertThat(sink.count("advisor", MediaKind.AUDIO)).as("recorded advisor audio").isGreaterThan(50);
                phone.close();
                System.out.println("baresip heard peak RMS " + phone.heardPeakRms());
                assertThat(phone.heardPeakRms()).as("baresip heard the browser's microphone; log:%n%s", phone.log())
                        .isGreaterThan(300.0);
            }
            assertThat(sink.count("customer", MediaKind.AUDIO)).isGreaterThan(50);
        }
    }
}
