package org.mvtm.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.testing.LoopbackRtpSocket;

/**
 * The media end of a SIP phone calling the IVR in a test: one UDP socket on 127.0.0.1 that keeps every PCMU sample
 * it hears (with the time of the last packet), presses keys as RFC 4733 telephone-events (payload type 101) and
 * speaks a raw 8 kHz mu-law file, answering to the address the bridge sends from (symmetric RTP).
 */
final class IvrCallerMedia implements AutoCloseable {
    private final LoopbackRtpSocket socket;
    private volatile SocketAddress bridge;
    private short[] heard = new short[8000 * 60];
    private int heardLength;
    private volatile long lastPacketNanos;
    private int seq;
    private long timestamp;

    IvrCallerMedia() {
        socket = new LoopbackRtpSocket(0, this::heard);
    }

    int port() {
        return socket.port();
    }

    /** How many samples were heard so far (a mark for {@link #samples}). */
    synchronized int mark() {
        return heardLength;
    }

    synchronized short[] samples(int from) {
        return Arrays.copyOfRange(heard, from, heardLength);
    }

    /** Whether a prompt that started after {@code mark} has ended: heard at least 0.5 s, then nothing for 700 ms. */
    boolean promptEnded(int mark) {
        return mark() - mark >= 4000 && System.nanoTime() - lastPacketNanos > 700_000_000L;
    }

    static double meanEnergy(short[] pcm) {
        long sum = 0;
        for (short s : pcm) {
            sum += Math.abs(s);
        }
        return pcm.length == 0 ? 0 : (double) sum / pcm.length;
    }

    /** One key as an RFC 4733 event: three packets of the event, then the end packet three times. */
    void press(char key) throws Exception {
        int event = "0123456789*#".indexOf(key);
        long eventTimestamp = timestamp;
        for (int i = 1; i <= 6; i++) {
            boolean end = i > 3;
            int duration = Math.min(i, 4) * 160;
            byte[] p = header(101, i == 1, eventTimestamp, 4);
            p[12] = (byte) event;
            p[13] = (byte) ((end ? 0x80 : 0) | 10);
            p[14] = (byte) (duration >> 8);
            p[15] = (byte) duration;
            send(p);
            Thread.sleep(20);
        }
        timestamp += 640;
    }

    /** Speaks a raw 8 kHz mu-law file as PCMU, then 1.2 s of silence (the end of the utterance). */
    void say(Path ulaw) throws Exception {
        byte[] audio = Files.readAllBytes(ulaw);
        byte[] silence = new byte[160 * 60];
        Arrays.fill(silence, G711.linearToUlaw((short) 0));
        for (byte[] part : new byte[][] {audio, silence}) {
            for (int off = 0; off < part.length; off += 160) {
                byte[] p = header(0, off == 0, timestamp, 160);
                System.arraycopy(part, off, p, 12, Math.min(160, part.length - off));
                send(p);
                timestamp += 160;
                Thread.sleep(20);
            }
        }
    }

    /** A packet of this phone's stream (SSRC 9) with room for {@code payload} bytes after its RTP header. */
    private byte[] header(int pt, boolean marker, long ts, int payload) {
        byte[] p = new byte[RtpHeader.LENGTH + payload];
        RtpHeader.write(p, 0, marker, pt, seq++, ts, 9);
        return p;
    }

    private void send(byte[] p) throws IOException {
        SocketAddress to = bridge;
        if (to == null) {
            throw new IllegalStateException("the bridge has sent nothing yet: no address to answer");
        }
        socket.send(p, to);
    }

    /** Keeps the samples of a PCMU packet from the bridge, whose address this phone answers to from then on. */
    private void heard(DatagramPacket p) {
        byte[] buf = p.getData();
        if ((buf[1] & 0x7F) != 0) {
            return;
        }
        bridge = p.getSocketAddress();
        synchronized (this) {
            int n = p.getLength() - LoopbackRtpSocket.HEADER;
            if (heardLength + n > heard.length) {
                heard = Arrays.copyOf(heard, heard.length * 2);
            }
            for (int i = 0; i < n; i++) {
                heard[heardLength++] = G711.ulawToLinear(buf[LoopbackRtpSocket.HEADER + i]);
            }
        }
        lastPacketNanos = System.nanoTime();
    }

    @Override
    public void close() {
        socket.close();
    }

    static void requireEngines() {
        for (String tool : new String[] {"/usr/bin/pocketsphinx_continuous", "/usr/bin/espeak-ng", "/usr/bin/sox"}) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new UncheckedIOException(new IOException(tool
                        + " is missing: ./test.sh installs pocketsphinx, pocketsphinx-en-us, espeak-ng and sox"));
            }
        }
    }
}
