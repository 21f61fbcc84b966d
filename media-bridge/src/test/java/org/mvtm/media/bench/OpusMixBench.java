package org.mvtm.media.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.rtp.OutboundStream;

/**
 * What mixing Opus costs next to plain forwarding, in the same run on one thread (CPU time): a forwarded frame is the
 * relay's per-target work without SRTP (copy, SSRC/sequence/timestamp rewrite, a UDP send on loopback); a mixed frame
 * is what a listener hearing two Opus sources costs (both decoded, summed, encoded for the listener) plus that same
 * forwarding. Writes a Markdown note. Run by bench/opus-mix.sh.
 */
public final class OpusMixBench {
    private OpusMixBench() {
    }

    public static void main(String[] args) throws Exception {
        Path note = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/opus-mix.md");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        OpusCodec opus = OpusCodec.load();
        if (!opus.available()) {
            throw new IllegalStateException(opus.problem());
        }
        byte[][][] packets = {speech(opus, frames, 300, 1), speech(opus, frames, 700, 2)};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (DatagramChannel out = DatagramChannel.open(); DatagramChannel sink = DatagramChannel.open()) {
            sink.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress to = (InetSocketAddress) sink.getLocalAddress();
            OutboundStream stream = new OutboundStream(OutboundStream.randomSsrc());
            byte[] buf = new byte[2048];
            for (int warm = 0; warm < 2; warm++) {
                forward(packets[0], buf, stream, out, to);
                mix(opus, packets, buf, stream, out, to);
            }
            long t0 = cpu.getCurrentThreadCpuTime();
            forward(packets[0], buf, stream, out, to);
            long t1 = cpu.getCurrentThreadCpuTime();
            mix(opus, packets, buf, stream, out, to);
            long t2 = cpu.getCurrentThreadCpuTime();
            double forwardedPerSecond = frames * 1e9 / (t1 - t0);
            double mixedPerSecond = frames * 1e9 / (t2 - t1);
            String text = "# Opus mixing benchmark\n\n"
                    + "Command: `bench/opus-mix.sh` (" + Instant.now() + ", " + opus.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                    + ", " + frames + " frames of 20 ms each way, one thread, CPU time).\n\n"
                    + "| path, per 20 ms frame out | frames per CPU-second | µs per frame |\n|---|---|---|\n"
                    + String.format("| forwarded (copy, rewrite, UDP send; no SRTP) | %.0f | %.1f |%n", forwardedPerSecond,
                            1e6 / forwardedPerSecond)
                    + String.format("| mixed for one listener (2 Opus decodes, sum, 1 Opus encode, then forwarded) | %.0f | %.1f |%n",
                            mixedPerSecond, 1e6 / mixedPerSecond)
                    + String.format("%n**Ratio: a mixed frame costs %.1f forwarded frames.** One core mixes for about %.0f"
                            + " listeners (50 frames/s each).%n", forwardedPerSecond / mixedPerSecond, mixedPerSecond / 50)
                    + "\nEach listener of a mix pays one encode; each source one decode per packet however many"
                    + " listeners hear it. A monitored 1:1 call has one mixing listener (the supervisor; two with"
                    + " whisper or barge-in), a three-way call three.\n";
            Files.createDirectories(note.toAbsolutePath().getParent());
            Files.writeString(note, text);
            System.out.print(text);
        }
    }

    /** Opus packets of a tone with some noise (so the encoder works as on speech), each with an RTP header. */
    private static byte[][] speech(OpusCodec opus, int frames, int hz, long seed) {
        Random noise = new Random(seed);
        byte[][] packets = new byte[frames][];
        try (OpusCodec.Encoder encoder = opus.encoder()) {
            short[] pcm = new short[OpusCodec.FRAME_SAMPLES];
            byte[] b = new byte[12 + OpusCodec.MAX_PACKET];
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < pcm.length; i++) {
                    double t = (f * 960.0 + i) / OpusCodec.SAMPLE_RATE;
                    pcm[i] = (short) (4000 * Math.sin(2 * Math.PI * hz * t) + noise.nextGaussian() * 600);
                }
                RtpHeader.write(b, 0, false, 111, f & 0xFFFF, f * 960L, seed);
                int n = encoder.encode(pcm, pcm.length, b, 12, OpusCodec.MAX_PACKET);
                packets[f] = java.util.Arrays.copyOf(b, 12 + n);
            }
        }
        return packets;
    }

    private static void forward(byte[][] packets, byte[] buf, OutboundStream stream, DatagramChannel out,
                                InetSocketAddress to) throws Exception {
        for (byte[] p : packets) {
            send(p, p.length, buf, stream, out, to);
        }
    }

    private static void mix(OpusCodec opus, byte[][][] sources, byte[] buf, OutboundStream stream, DatagramChannel out,
                            InetSocketAddress to) throws Exception {
        short[] a = new short[OpusCodec.MAX_FRAME_SAMPLES];
        short[] b = new short[OpusCodec.MAX_FRAME_SAMPLES];
        short[] mixed = new short[OpusCodec.FRAME_SAMPLES];
        byte[] packet = new byte[2048];
        try (OpusCodec.Decoder da = opus.decoder(); OpusCodec.Decoder db = opus.decoder();
             OpusCodec.Encoder encoder = opus.encoder()) {
            for (int f = 0; f < sources[0].length; f++) {
                byte[] pa = sources[0][f];
                byte[] pb = sources[1][f];
                int n = Math.min(da.decode(pa, 12, pa.length - 12, a), db.decode(pb, 12, pb.length - 12, b));
                for (int i = 0; i < n; i++) {
                    mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a[i] + b[i]));
                }
                System.arraycopy(pa, 0, packet, 0, 12);
                int bytes = encoder.encode(mixed, n, packet, 12, OpusCodec.MAX_PACKET);
                send(packet, 12 + bytes, buf, stream, out, to);
            }
        }
    }

    private static void send(byte[] p, int len, byte[] buf, OutboundStream stream, DatagramChannel out,
                             InetSocketAddress to) throws Exception {
        System.arraycopy(p, 0, buf, 0, len);
        stream.rewrite(buf, 0, out, 960); // one source: no source change per packet
        out.send(ByteBuffer.wrap(buf, 0, len), to);
    }
}
