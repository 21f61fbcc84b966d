package org.mvtm.recording.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plaintext inside a segment: a sequence of length-prefixed records
 * {@code type(1) | arrivalEpochMicros(8) | length(4) | bytes}. Types: {@link #AUDIO} and {@link #VIDEO} RTP packets,
 * {@link #TIMELINE} a UTF-8 JSON timeline entry, {@link #FILE_CHUNK} part of an ingested file.
 */
public final class SegmentRecords {
    public static final byte AUDIO = 1;
    public static final byte VIDEO = 2;
    public static final byte TIMELINE = 3;
    /** A chunk of a file ingested for a leg (media recorded elsewhere), in file order. */
    public static final byte FILE_CHUNK = 4;
    public static final int HEADER = 13;

    /** One decoded record; {@code data} is a slice of the segment plaintext. */
    public record Record(byte type, long arrivalMicros, byte[] buffer, int offset, int length) {
        public byte[] copy() {
            byte[] b = new byte[length];
            System.arraycopy(buffer, offset, b, 0, length);
            return b;
        }
    }

    private SegmentRecords() {
    }

    /** Growable buffer the writer appends records to. */
    public static final class Builder {
        private byte[] buf = new byte[64 * 1024];
        private int size;
        private int count;
        private long first = Long.MIN_VALUE;
        private long last;

        public void add(byte type, long arrivalMicros, byte[] data, int off, int len) {
            ensure(HEADER + len);
            buf[size] = type;
            ByteBuffer.wrap(buf, size + 1, 12).putLong(arrivalMicros).putInt(len);
            System.arraycopy(data, off, buf, size + HEADER, len);
            size += HEADER + len;
            count++;
            if (first == Long.MIN_VALUE) {
                first = arrivalMicros;
            }
            last = Math.max(last, arrivalMicros);
        }

        /** All of {@code data} as records of at most {@code chunk} bytes each (a file or a document). */
        public void addChunks(byte type, long arrivalMicros, byte[] data, int chunk) {
            for (int at = 0; at < data.length; at += chunk) {
                add(type, arrivalMicros, data, at, Math.min(chunk, data.length - at));
            }
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                byte[] n = new byte[Math.max(buf.length * 2, size + extra)];
                System.arraycopy(buf, 0, n, 0, size);
                buf = n;
            }
        }

        public byte[] array() {
            return buf;
        }

        public int size() {
            return size;
        }

        public int count() {
            return count;
        }

        public long firstMicros() {
            return first;
        }

        public long lastMicros() {
            return last;
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public void reset() {
            size = 0;
            count = 0;
            first = Long.MIN_VALUE;
            last = 0;
            if (buf.length > 4 * 1024 * 1024) {
                buf = new byte[64 * 1024];
            }
        }
    }

    /**
     * Decodes every record of a segment's plaintext.
     *
     * @throws IllegalArgumentException when a record runs past the end (torn or corrupt plaintext)
     */
    public static void forEach(byte[] plain, Consumer<Record> sink) {
        int pos = 0;
        ByteBuffer b = ByteBuffer.wrap(plain);
        while (pos < plain.length) {
            if (pos + HEADER > plain.length) {
                throw new IllegalArgumentException("truncated record header at offset " + pos);
            }
            byte type = plain[pos];
            long at = b.getLong(pos + 1);
            int len = b.getInt(pos + 9);
            if (len < 0 || pos + HEADER + len > plain.length) {
                throw new IllegalArgumentException("record at offset " + pos + " claims " + len + " bytes, past the end");
            }
            sink.accept(new Record(type, at, plain, pos + HEADER, len));
            pos += HEADER + len;
        }
    }

    public static List<Record> decode(byte[] plain) {
        List<Record> l = new ArrayList<>();
        forEach(plain, l::add);
        return l;
    }
}
