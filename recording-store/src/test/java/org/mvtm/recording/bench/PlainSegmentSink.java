package org.mvtm.recording.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.recording.store.SegmentRecords;

/**
 * Benchmark baseline: the same queue, writer virtual thread, record format, segmentation and fsync-on-close as the
 * store, but no encryption, no hashing, no manifest. The difference to the store is the cost of protection.
 */
final class PlainSegmentSink implements MediaPacketSink {
    private record Packet(String leg, byte type, long at, byte[] data) {
    }

    private final Path dir;
    private final long segmentMicros;
    private final ArrayBlockingQueue<Packet> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, SegmentRecords.Builder> buffers = new HashMap<>();
    private final Map<String, Long> segmentStart = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private volatile boolean closing;
    private final Thread thread;

    PlainSegmentSink(Path dir, long segmentMillis, int capacity) {
        this.dir = dir;
        this.segmentMicros = segmentMillis * 1000;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofVirtual().start(this::run);
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void legAdded(LegDescription leg) {
    }

    @Override
    public void packet(String legId, MediaKind kind, long at, byte[] buffer, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        if (!queue.offer(new Packet(legId, kind == MediaKind.VIDEO ? SegmentRecords.VIDEO : SegmentRecords.AUDIO, at,
                copy))) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void closed() {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Packet p = queue.poll(20, TimeUnit.MILLISECONDS);
                if (p != null) {
                    SegmentRecords.Builder b = buffers.computeIfAbsent(p.leg(), k -> new SegmentRecords.Builder());
                    if (!b.isEmpty() && p.at() - segmentStart.get(p.leg()) >= segmentMicros) {
                        flush(p.leg(), b);
                    }
                    if (b.isEmpty()) {
                        segmentStart.put(p.leg(), p.at());
                    }
                    b.add(p.type(), p.at(), p.data(), 0, p.data().length);
                } else if (closing && queue.isEmpty()) {
                    break;
                }
            }
            for (var e : buffers.entrySet()) {
                flush(e.getKey(), e.getValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(String leg, SegmentRecords.Builder b) {
        if (b.isEmpty()) {
            return;
        }
        int i = index.merge(leg, 1, Integer::sum) - 1;
        try {
            Path f = dir.resolve(leg + "-" + i + ".raw");
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(b.array(), 0, b.size());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            b.reset();
        }
    }
}
