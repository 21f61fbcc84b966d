package org.mvtm.recording.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WebM reader (for remuxing ingested files, and for tests): tracks, SimpleBlocks with absolute times, Duration and
 * whether Cues exist. Handles the unknown-size Segment and Cluster elements of live recorders (Chromium's
 * MediaRecorder, Kurento's RecorderEndpoint). Reads the whole file into memory.
 */
public final class WebmReader {
    public record Block(int track, long timeMillis, boolean key, byte[] data) {
    }

    public final Map<Integer, String> codecs = new HashMap<>();
    public final List<Block> blocks = new ArrayList<>();
    public double durationMillis = -1;
    public boolean hasCues;
    public int cuePoints;
    public long timecodeScale = 1_000_000;

    private final byte[] b;
    private int pos;

    private WebmReader(byte[] b) {
        this.b = b;
    }

    /**
     * Parses a WebM file; a truncated last element (a recorder that was cut off) ends the parse.
     *
     * @throws IllegalArgumentException when the bytes are not WebM
     */
    public static WebmReader parse(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xff) != 0x1A || (bytes[1] & 0xff) != 0x45 || (bytes[2] & 0xff) != 0xDF
                || (bytes[3] & 0xff) != 0xA3) {
            throw new IllegalArgumentException("not a WebM/Matroska file (no EBML header)");
        }
        WebmReader r = new WebmReader(bytes);
        try {
            r.run();
        } catch (ArrayIndexOutOfBoundsException e) {
            // truncated inside an element header: keep what was read
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed WebM at offset " + r.pos + ": " + e.getMessage(), e);
        }
        return r;
    }

    public String codecOf(int track) {
        return codecs.get(track);
    }

    private void run() {
        long clusterTime = 0;
        int trackNumber = -1;
        while (pos < b.length) {
            long id = readId();
            long size = readSize();
            boolean unknown = size < 0;
            switch ((int) id) {
                case 0x18538067, 0x1F43B675, 0x1654AE6B, 0xA0, 0x1549A966 -> {
                    continue; // masters: descend
                }
                case 0x1C53BB6B -> {
                    hasCues = true;
                    continue;
                }
                case 0xBB -> {
                    cuePoints++;
                    pos += (int) size;
                    continue;
                }
                case 0xAE -> {
                    trackNumber = -1;
                    continue;
                }
                default -> { }
            }
            if (unknown) {
                throw new IllegalStateException("unknown size on non-master element 0x" + Long.toHexString(id));
            }
            int start = pos;
            if (start + size > b.length) {
                break; // truncated element
            }
            switch ((int) id) {
                case 0xD7 -> trackNumber = (int) uint(start, size);
                case 0x86 -> codecs.put(trackNumber, new String(b, start, (int) size));
                case 0xE7 -> clusterTime = uint(start, size);
                case 0x2AD7B1 -> timecodeScale = uint(start, size);
                case 0x4489 -> durationMillis = size == 8 ? Double.longBitsToDouble(uint(start, 8))
                        : Float.intBitsToFloat((int) uint(start, 4));
                case 0xA3, 0xA1 -> {
                    pos = start;
                    int track = (int) readSize();
                    int rel = (short) (((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff));
                    int flags = b[pos + 2] & 0xff;
                    int dataStart = pos + 3;
                    byte[] data = new byte[(int) (start + size - dataStart)];
                    System.arraycopy(b, dataStart, data, 0, data.length);
                    long t = (clusterTime + rel) * timecodeScale / 1_000_000;
                    blocks.add(new Block(track, t, id == 0xA3 && (flags & 0x80) != 0, data));
                }
                default -> { }
            }
            pos = start + (int) size;
        }
    }

    private long uint(int start, long size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 8) | (b[start + i] & 0xff);
        }
        return v;
    }

    private long readId() {
        int first = b[pos] & 0xff;
        int len = Integer.numberOfLeadingZeros(first) - 23;
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (b[pos++] & 0xff);
        }
        return v;
    }

    /** Returns -1 for the reserved "unknown size". */
    private long readSize() {
        int first = b[pos] & 0xff;
        int len = Integer.numberOfLeadingZeros(first) - 23;
        long v = first & (0xff >> len);
        boolean allOnes = v == (0xff >> len);
        pos++;
        for (int i = 1; i < len; i++) {
            int x = b[pos++] & 0xff;
            allOnes &= x == 0xff;
            v = (v << 8) | x;
        }
        return allOnes ? -1 : v;
    }
}
