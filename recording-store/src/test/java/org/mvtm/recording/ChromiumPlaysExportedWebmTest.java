package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Region;
import org.mvtm.core.media.LegDescription;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.export.WebmReader;
import org.mvtm.recording.json.Json;

/**
 * Must show: real VP8 + Opus from Chromium (fake camera and microphone, MediaRecorder), turned into RTP as a browser
 * would send it, recorded by the store, exported to WebM, and played back by Chromium: duration within 0.5 s of the
 * call, frames decode, seeking to the middle works, served with HTTP range requests.
 */
@Tag("peer")
class ChromiumPlaysExportedWebmTest {
    @TempDir
    Path tmp;

    @Test
    void recordedVp8AndOpusCallExportsToWebmThatChromiumPlaysAndSeeks() throws Exception {
        try (BrowserPeer browser = new BrowserPeer(); StoreFixture f = new StoreFixture(tmp)) {
            Path source = tmp.resolve("camera.webm");
            assertThat(browser.run("record.js", browser.pageUrl(), source.toString(), "6000")).startsWith("RECORDED");
            WebmReader camera = WebmReader.parse(Files.readAllBytes(source));
            assertThat(camera.codecs.values()).contains("V_VP8", "A_OPUS");

            long start = Rtp.micros(StoreFixture.T0);
            List<RtpPacketizer.Sent> packets = RtpPacketizer.packetize(camera, start);
            ActiveRecording r = f.startHk();
            r.legAdded(new LegDescription("customer", "customer", List.of(StoreFixture.VP8, StoreFixture.OPUS)));
            for (RtpPacketizer.Sent p : packets) {
                r.packet("customer", p.kind(), p.arrivalMicros(), p.rtp(), 0, p.rtp().length);
            }
            r.ingestFile("kurento-customer", source, "video/webm"); // a live WebM, as Kurento's recorder writes it
            r.seal();
            double callSeconds = (packets.get(packets.size() - 1).arrivalMicros() - start) / 1e6;

            MediaFile media = f.store.media(StoreFixture.compliance(Region.HK), r.id(), "customer");
            assertThat(media.contentType()).isEqualTo("video/webm");
            WebmReader exported = WebmReader.parse(Files.readAllBytes(media.path()));
            long sourceVideoFrames = camera.blocks.stream().filter(b -> "V_VP8".equals(camera.codecOf(b.track())))
                    .count();
            assertThat(exported.blocks.stream().filter(b -> b.track() == 1).count()).isEqualTo(sourceVideoFrames);
            assertThat(exported.hasCues).isTrue();
            assertThat(exported.durationMillis / 1000.0).isCloseTo(callSeconds, within(0.5));

            String url = browser.publish("customer.webm", media);
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) Json.parse(browser.run("play.js", browser.pageUrl(), url));
            System.out.println("chromium saw " + seen + " call " + callSeconds + " s, export " + exported.durationMillis + " ms, cues " + exported.cuePoints);
            double duration = ((Number) seen.get("duration")).doubleValue();
            assertThat(duration).as("Chromium's duration vs the call (%s s)", callSeconds)
                    .isCloseTo(callSeconds, within(0.5));
            assertThat(((Number) seen.get("width")).intValue()).isPositive();
            assertThat(((Number) seen.get("framesWhilePlaying")).intValue()).as("decoded frames %s", seen)
                    .isGreaterThan(5);
            double target = ((Number) seen.get("seekTarget")).doubleValue();
            assertThat(((Number) seen.get("currentTimeAfterSeek")).doubleValue()).as("seek %s", seen)
                    .isCloseTo(target, within(0.5));
            assertThat(((Number) seen.get("framesAfterSeek")).intValue()).as("frames after seek %s", seen).isPositive();
            assertThat(((Number) seen.get("timeAfterSeekPlayback")).doubleValue()).isGreaterThan(target);

            MediaFile ingested = f.store.media(StoreFixture.compliance(Region.HK), r.id(), "kurento-customer");
            assertThat(WebmReader.parse(Files.readAllBytes(ingested.path())).hasCues).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> seen2 = (Map<String, Object>) Json.parse(browser.run("play.js", browser.pageUrl(),
                    browser.publish("ingested.webm", ingested)));
            System.out.println("chromium saw ingested " + seen2);
            assertThat(((Number) seen2.get("duration")).doubleValue()).isCloseTo(callSeconds, within(0.5));
            assertThat(((Number) seen2.get("framesWhilePlaying")).intValue()).isGreaterThan(5);
            assertThat(((Number) seen2.get("currentTimeAfterSeek")).doubleValue())
                    .isCloseTo(((Number) seen2.get("seekTarget")).doubleValue(), within(0.5));
            assertThat(((Number) seen2.get("framesAfterSeek")).intValue()).isPositive();
        }
    }
}
