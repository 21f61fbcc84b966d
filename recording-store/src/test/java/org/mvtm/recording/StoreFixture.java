package org.mvtm.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.PayloadType;
import org.mvtm.core.time.MutableClock;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

/** A store in a temp directory with a hand-driven clock and a recorded event stream. */
public final class StoreFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    public static final PayloadType OPUS = new PayloadType(111, MediaKind.AUDIO, "opus", 48000, 2);
    public static final PayloadType VP8 = new PayloadType(96, MediaKind.VIDEO, "VP8", 90000, 0);
    public static final PayloadType PCMU = new PayloadType(0, MediaKind.AUDIO, "PCMU", 8000, 1);

    public final Path dir;
    public final MutableClock clock = new MutableClock(T0);
    public final InProcessEventBus bus = new InProcessEventBus();
    public final List<ContactEvent> events = new CopyOnWriteArrayList<>();
    public final RecordingKeys keys;
    public RecordingStoreConfig config;
    public RecordingStore store;

    public StoreFixture(Path dir) {
        this(dir, RecordingKeys.generate(), Duration.ofSeconds(1));
    }

    public StoreFixture(Path dir, RecordingKeys keys, Duration segment) {
        this(dir, dir.resolve("data"), keys, segment);
    }

    /** A store on an existing data directory (e.g. one a crashed child JVM wrote). */
    public StoreFixture(Path dir, Path dataDir, RecordingKeys keys, Duration segment) {
        this.dir = dir;
        this.keys = keys;
        bus.subscribe(ContactEvent.class, events::add);
        this.config = RecordingStoreConfig.defaults(dataDir, keys).withSegmentLength(segment);
        this.store = RecordingStores.open(config, clock, bus);
    }

    public void reopen() {
        store.close();
        store = RecordingStores.open(config, clock, bus);
    }

    public static Viewer compliance(Region... regions) {
        return new Viewer("carol", Set.of(Role.COMPLIANCE), Set.of(regions), "complaint review 2026-114");
    }

    public static RecordingMetadata metadata(Region region, String customerName, Channel channel, Language lang) {
        return new RecordingMetadata(InteractionId.random(), ConversationId.random(), channel,
                CustomerId.of("cust-" + customerName.toLowerCase().replace(' ', '-')), customerName,
                AgentId.of("adv-li"), "Li Wei", QueueId.of("cards"), region, lang, T0);
    }

    public ActiveRecording startHk() {
        return store.start(metadata(Region.HK, "Mary Chan", Channel.VIDEO, Language.EN));
    }

    /** A Hong Kong recording with {@code seconds} of {@link #feedAudio} on both legs, sealed. */
    public RecordingId sealedHk(double seconds) {
        ActiveRecording r = startHk();
        feedAudio(r, seconds);
        r.seal();
        return r.id();
    }

    /**
     * Feeds {@code seconds} of synthetic audio (50 packets/s) on leg "customer" and advisor, at arrival times from
     * T0, with a recognisable plaintext marker in every payload.
     */
    public static void feedAudio(ActiveRecording r, double seconds) {
        r.legAdded(new LegDescription("customer", "customer", List.of(OPUS)));
        r.legAdded(new LegDescription("advisor", "advisor", List.of(OPUS)));
        long t0 = Rtp.micros(T0);
        int n = (int) (seconds * 50);
        for (int i = 0; i < n; i++) {
            byte[] payload = ("PLAINTEXT-MARKER-" + i).getBytes(StandardCharsets.US_ASCII);
            byte[] c = Rtp.packet(111, false, i, i * 960L, 1111, payload);
            byte[] a = Rtp.packet(111, false, i, i * 960L, 2222, payload);
            r.packet("customer", MediaKind.AUDIO, t0 + i * 20_000L, c, 0, c.length);
            r.packet("advisor", MediaKind.AUDIO, t0 + i * 20_000L + 500, a, 0, a.length);
        }
    }

    /** The files under {@code root} (relative to it) whose bytes contain {@code needle}: plaintext left on disk. */
    public static List<Path> filesContaining(Path root, byte[] needle) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (indexOf(Files.readAllBytes(p), needle) >= 0) {
                    hits.add(root.relativize(p));
                }
            }
        }
        return hits;
    }

    /** Tampering: one bit of the byte in the middle of {@code file} flipped. */
    public static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    /** Where {@code needle} first stands in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public Path recordingDir(String id) {
        return config.dataDir().resolve("recordings").resolve(id);
    }

    @Override
    public void close() {
        store.close();
    }
}
