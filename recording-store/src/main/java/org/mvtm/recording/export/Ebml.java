package org.mvtm.recording.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** EBML (RFC 8794) element encoding into a growable buffer. */
public final class Ebml {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static void id(ByteArrayOutputStream o, int id) {
        if ((id & 0xff000000) != 0) {
            o.write(id >>> 24);
        }
        if ((id & 0xffff0000) != 0) {
            o.write(id >>> 16);
        }
        if ((id & 0xffffff00) != 0) {
            o.write(id >>> 8);
        }
        o.write(id);
    }

    /** Minimal-length variable-size integer (never the reserved all-ones value). */
    public static void size(ByteArrayOutputStream o, long size) {
        int len = 1;
        while (len < 8 && size >= (1L << (7 * len)) - 1) {
            len++;
        }
        sizeFixed(o, size, len);
    }

    public static void sizeFixed(ByteArrayOutputStream o, long size, int len) {
        long v = size | (1L << (7 * len));
        for (int i = len - 1; i >= 0; i--) {
            o.write((int) (v >>> (8 * i)));
        }
    }

    public Ebml uint(int id, long value) {
        int len = 1;
        while (len < 8 && (value >>> (8 * len)) != 0) {
            len++;
        }
        id(out, id);
        size(out, len);
        for (int i = len - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** An unsigned integer always written in 8 bytes (so it can be patched in place). */
    public Ebml uint8(int id, long value) {
        id(out, id);
        size(out, 8);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public Ebml float64(int id, double value) {
        id(out, id);
        size(out, 8);
        long bits = Double.doubleToLongBits(value);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)));
        }
        return this;
    }

    public Ebml string(int id, String value) {
        return binary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    public Ebml binary(int id, byte[] value) {
        id(out, id);
        size(out, value.length);
        out.writeBytes(value);
        return this;
    }

    public Ebml master(int id, Ebml children) {
        return binary(id, children.bytes());
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int length() {
        return out.size();
    }
}
