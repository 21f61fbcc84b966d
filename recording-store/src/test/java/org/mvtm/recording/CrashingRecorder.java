package org.mvtm.recording;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.TimelineEntry;

/**
 * Child JVM for {@link CrashRecoveryTest}: records forever (Opus audio, 50 packets per second of media time, faster
 * than real time) until the parent kills it with {@code destroyForcibly} (SIGKILL).
 */
public final class CrashingRecorder {
    private CrashingRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        RecordingKeys keys = RecordingKeys.load(Path.of(args[1]));
        RecordingStoreConfig config = RecordingStoreConfig.defaults(data, keys).withSegmentLength(Duration.ofSeconds(1));
        RecordingStore store = RecordingStores.open(config, Clock.systemUTC(), new InProcessEventBus());
        Instant base = Instant.now();
        var md = StoreFixture.metadata(Region.HK, "Crash Test", Channel.VOICE, Language.EN);
        md = new org.mvtm.recording.api.RecordingMetadata(md.interaction(), md.conversation(), md.channel(),
                md.customer(), md.customerName(), md.advisor(), md.advisorName(), md.queue(), md.region(),
                md.language(), base);
        ActiveRecording r = store.start(md);
        r.legAdded(new LegDescription("customer", "customer", List.of(StoreFixture.OPUS)));
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(base, TranscriptTurn.Speaker.CUSTOMER,
                "please record this"), "cust"));
        System.out.println("STARTED " + r.id());
        System.out.flush();
        long t0 = Rtp.micros(base);
        byte[] opus = new byte[120];
        opus[0] = (byte) 0xFC; // an Opus TOC byte: CELT fullband 20 ms
        for (int i = 0; ; i++) {
            byte[] p = Rtp.packet(111, false, i & 0xffff, i * 960L, 4242, opus);
            r.packet("customer", MediaKind.AUDIO, t0 + i * 20_000L, p, 0, p.length);
            if (i % 10 == 0) {
                Thread.sleep(2);
            }
        }
    }
}
