package org.mvtm.recording.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.core.media.PayloadType;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

/**
 * {@code bench/recording.sh [seconds-per-run] [calls...]}. For each N: N concurrent calls of 1.5 Mbit/s (video
 * 1.436 Mbit/s as 1100-byte RTP packets at 160/s plus 64 kbit/s audio at 50 packets/s), paced in real time by two
 * "media I/O" threads, written (a) by the recording store (AES-GCM + SHA-256 chain + signed manifest, 10 s segments,
 * fsync per segment) and (b) by a plain writer (same queue, records, segments and fsync, no crypto), one after the
 * other in the same JVM on the same disk. Reports process CPU per call, drops, and unpaced throughput (how many
 * 1.5 Mbit/s calls the writer path could absorb). Then export time per minute of VP8 + Opus video.
 */
public final class RecordingBenchmark {
    private static final PayloadType VP8 = new PayloadType(96, MediaKind.VIDEO, "VP8", 90000, 0);
    private static final PayloadType OPUS = new PayloadType(111, MediaKind.AUDIO, "opus", 48000, 2);
    private static final int VIDEO_PPS = 160;
    private static final int VIDEO_BYTES = 1100 + 12;
    private static final int AUDIO_PPS = 50;
    private static final int AUDIO_BYTES = 160 + 12;
    private static final double CALL_BITS = (VIDEO_PPS * VIDEO_BYTES + AUDIO_PPS * AUDIO_BYTES) * 8.0;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<Integer> ns = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            ns.add(Integer.parseInt(args[i]));
        }
        if (ns.isEmpty()) {
            ns = List.of(10, 25, 50);
        }
        Path root = Files.createTempDirectory("mvtm-recording-bench");
        RecordingKeys keys = RecordingKeys.generate();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "machine: %d cores, %s %s, java %s; temp dir %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), root));
        report.append(String.format(Locale.ROOT, "call = %.3f Mbit/s (%d video + %d audio packets/s); %d s per run%n%n",
                CALL_BITS / 1e6, VIDEO_PPS, AUDIO_PPS, seconds));
        report.append("| calls | writer | CPU per call (% of one core) | process CPU (% of one core) | dropped packets |\n");
        report.append("|---|---|---|---|---|\n");
        warmUp(root, keys);
        for (int n : ns) {
            for (String mode : List.of("store (AES-GCM + SHA-256 chain)", "plain (no crypto)")) {
                boolean store = mode.startsWith("store");
                double[] r = pacedRun(root.resolve("paced-" + n + "-" + (store ? "store" : "plain")), keys, n,
                        seconds, store);
                report.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.1f | %d |%n", n, mode, r[0] / n, r[0],
                        (long) r[1]));
                System.err.println(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1).trim());
            }
        }
        report.append("\nUnpaced throughput (8 calls writing as fast as the path allows, 200 MB total):\n\n");
        report.append("| writer | MB/s | equivalent 1.5 Mbit/s calls |\n|---|---|---|\n");
        for (boolean store : new boolean[] {true, false}) {
            double mbps = unpaced(root.resolve("unpaced-" + store), keys, store);
            report.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f |%n", store ? "store" : "plain", mbps,
                    mbps * 8e6 / CALL_BITS));
        }
        report.append("\nExport (first replay: verify + decrypt + depacketize + mux to WebM):\n\n");
        report.append(exportPerMinute(root.resolve("export"), keys));
        System.out.println(report);
        deleteTree(root);
    }

    private static RecordingMetadata metadata(int i) {
        return new RecordingMetadata(InteractionId.random(), ConversationId.random(), Channel.VIDEO,
                CustomerId.of("c" + i), "Customer " + i, AgentId.of("a" + i), "Advisor " + i, QueueId.of("cards"),
                Region.HK, Language.EN, Instant.now());
    }

    private static void warmUp(Path root, RecordingKeys keys) throws Exception {
        pacedRun(root.resolve("warm-store"), keys, 5, 3, true);
        pacedRun(root.resolve("warm-plain"), keys, 5, 3, false);
    }

    /** @return {process CPU % of one core, dropped packets} */
    private static double[] pacedRun(Path dir, RecordingKeys keys, int calls, int seconds, boolean store)
            throws Exception {
        RecordingStore s = store ? RecordingStores.open(RecordingStoreConfig.defaults(dir, keys), Clock.systemUTC(),
                new InProcessEventBus()) : null;
        List<MediaPacketSink> sinks = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            MediaPacketSink sink = store ? s.start(metadata(i)) : new PlainSegmentSink(dir.resolve("c" + i), 10_000,
                    8192);
            sink.legAdded(new LegDescription("customer", "customer", List.of(VP8, OPUS)));
            sinks.add(sink);
        }
        byte[] video = new byte[VIDEO_BYTES];
        byte[] audio = new byte[AUDIO_BYTES];
        new java.util.Random(1).nextBytes(video);
        video[0] = (byte) 0x80;
        audio[0] = (byte) 0x80;
        ScheduledExecutorService io = Executors.newScheduledThreadPool(2);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long ticks = seconds * 50L;
        java.util.concurrent.atomic.AtomicLong tick = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        io.scheduleAtFixedRate(() -> {
            long t = tick.getAndIncrement();
            if (t >= ticks) {
                done.countDown();
                return;
            }
            long at = System.currentTimeMillis() * 1000;
            for (MediaPacketSink sink : sinks) {
                for (int k = 0; k < VIDEO_PPS / 50; k++) {
                    sink.packet("customer", MediaKind.VIDEO, at, video, 0, video.length);
                }
                sink.packet("customer", MediaKind.AUDIO, at, audio, 0, audio.length);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        done.await();
        io.shutdown();
        long dropped = 0;
        for (MediaPacketSink sink : sinks) {
            if (sink instanceof ActiveRecording r) {
                r.seal();
            } else {
                sink.closed();
                dropped += ((PlainSegmentSink) sink).dropped();
            }
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (s != null) {
            dropped = s.health().droppedPackets();
            s.close();
        }
        deleteTree(dir);
        return new double[] {100.0 * cpu / wall, dropped};
    }

    private static double unpaced(Path dir, RecordingKeys keys, boolean store) throws Exception {
        RecordingStore s = store ? RecordingStores.open(RecordingStoreConfig.defaults(dir, keys)
                .withQueueCapacity(1 << 16), Clock.systemUTC(), new InProcessEventBus()) : null;
        int calls = 8;
        long bytesPerCall = 25L * 1024 * 1024;
        byte[] video = new byte[VIDEO_BYTES];
        video[0] = (byte) 0x80;
        long t0 = System.nanoTime();
        List<Thread> feeders = new ArrayList<>();
        IntFunction<MediaPacketSink> open = i -> store ? s.start(metadata(i))
                : new PlainSegmentSink(dir.resolve("u" + i), 10_000, 1 << 16);
        for (int i = 0; i < calls; i++) {
            MediaPacketSink sink = open.apply(i);
            feeders.add(Thread.ofPlatform().start(() -> {
                long base = System.currentTimeMillis() * 1000;
                long n = bytesPerCall / VIDEO_BYTES;
                for (long k = 0; k < n; k++) {
                    long at = base + k * 1_000_000L / VIDEO_PPS;
                    sink.packet("customer", MediaKind.VIDEO, at, video, 0, video.length);
                    if ((k & 63) == 0) {
                        Thread.onSpinWait();
                        Thread.yield();
                    }
                }
                if (sink instanceof ActiveRecording r) {
                    r.seal();
                } else {
                    sink.closed();
                }
            }));
        }
        for (Thread t : feeders) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long dropped = s != null ? s.health().droppedPackets() : 0;
        if (s != null) {
            s.close();
        }
        deleteTree(dir);
        double written = calls * bytesPerCall - dropped * VIDEO_BYTES;
        return written / secs / 1e6;
    }

    private static String exportPerMinute(Path dir, RecordingKeys keys) throws Exception {
        RecordingStore s = RecordingStores.open(RecordingStoreConfig.defaults(dir, keys).withQueueCapacity(1 << 16),
                Clock.systemUTC(), new InProcessEventBus());
        ActiveRecording r = s.start(metadata(0));
        r.legAdded(new LegDescription("customer", "customer", List.of(VP8, OPUS)));
        long base = System.currentTimeMillis() * 1000;
        int seq = 0;
        int aseq = 0;
        byte[] frame = new byte[5800]; // ~1.4 Mbit/s at 30 fps
        for (int f = 0; f < 60 * 30; f++) {
            frame[0] = (byte) (f % 90 == 0 ? 0 : 1);
            long at = base + f * 33_333L;
            for (int off = 0; off < frame.length; off += 1100) {
                int len = Math.min(1100, frame.length - off);
                byte[] p = new byte[12 + 1 + len];
                RtpHeader.write(p, 0, off + len >= frame.length, 96, seq++, f * 3000L, 0);
                p[12] = (byte) (off == 0 ? 0x10 : 0);
                System.arraycopy(frame, off, p, 13, len);
                r.packet("customer", MediaKind.VIDEO, at, p, 0, p.length);
            }
            if (f % 3 == 0) {
                for (int a = 0; a < 5 && aseq < 3000; a++, aseq++) {
                    byte[] p = new byte[12 + 120];
                    RtpHeader.write(p, 0, false, 111, aseq, aseq * 960L, 0);
                    r.packet("customer", MediaKind.AUDIO, base + aseq * 20_000L, p, 0, p.length);
                }
            }
            if (f % 100 == 0) {
                Thread.sleep(5);
            }
        }
        r.seal();
        Viewer v = new Viewer("bench", Set.of(Role.COMPLIANCE), Set.of(Region.HK), "benchmark");
        long t0 = System.nanoTime();
        MediaFile m = s.media(v, r.id(), "customer");
        double first = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        s.media(v, r.id(), "customer");
        double cached = (System.nanoTime() - t0) / 1e6;
        long dropped = s.health().droppedPackets();
        s.close();
        deleteTree(dir);
        return String.format(Locale.ROOT, "| media | export | cached replay |%n|---|---|---|%n"
                        + "| %.1f s VP8 + Opus, %.1f MB WebM (dropped while recording: %d) | %.0f ms | %.1f ms |%n",
                m.duration().toMillis() / 1000.0, m.size() / 1e6, dropped, first, cached);
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
