package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Region;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingFailed;
import org.mvtm.recording.api.RecordingState;

class DiskFailureTest {
    @TempDir
    Path tmp;

    @Test
    void aFailingDiskDegradesTheRecordingReportsItAndTheCallGoesOn() throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            ActiveRecording r = f.startHk();
            StoreFixture.feedAudio(r, 1.5);
            Path dir = f.recordingDir(r.id().value());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("legs/advisor")));
            // the customer leg's directory cannot be created: a file sits where it should go
            Files.move(dir.resolve("legs/customer"), tmp.resolve("moved-away"));
            Files.writeString(dir.resolve("legs/customer"), "not a directory");

            long t = Rtp.micros(StoreFixture.T0.plusSeconds(3));
            for (int i = 0; i < 200; i++) {
                byte[] p = Rtp.packet(111, false, 100 + i, i * 960L, 1, new byte[50]);
                r.packet("customer", org.mvtm.core.media.MediaKind.AUDIO, t + i * 20_000L, p, 0, p.length);
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> r.state() == RecordingState.DEGRADED);
            assertThat(f.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RecordingFailed.class,
                    rf -> assertThat(rf.reason()).contains("customer")));
            assertThat(f.store.health().healthy()).isFalse();
            assertThat(f.store.health().problems()).anySatisfy(p -> assertThat(p).contains(r.id().value()));

            r.packet("customer", org.mvtm.core.media.MediaKind.AUDIO, t, new byte[20], 0, 20);
            assertThat(r.seal().state()).isEqualTo(RecordingState.SEALED);
            assertThat(f.store.health().droppedPackets()).isPositive();
            assertThat(f.store.describe(StoreFixture.compliance(Region.HK), r.id()).legs()).isNotEmpty();
        }
    }
}
