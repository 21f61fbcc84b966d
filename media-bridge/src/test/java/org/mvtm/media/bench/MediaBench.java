package org.mvtm.media.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.peer.SyntheticWebRtcPeer;
import org.mvtm.media.sdp.SessionDescription;

/**
 * Benchmark driver (the synthetic peers' process). Starts {@link MediaBenchRelay} in a second JVM, then:
 * <ol>
 *   <li>ramps 1:1 WebRTC calls (DTLS-SRTP, Opus-sized audio 50 pkt/s + 1.5 Mbit/s video per direction, recording
 *       on) and per step measures loss, p99 one-way latency and relay CPU; a baseline of the same load sent
 *       directly peer to peer (no relay) runs in the same step;</li>
 *   <li>relays the same load as plain RTP through the embedded relay and through rtpengine (userspace,
 *       {@code --table=-1}) and compares packets per second per core.</li>
 * </ol>
 * Usage: MediaBench &lt;report.md&gt; &lt;steps e.g. 10,25,50&gt; &lt;seconds per step&gt; &lt;plain-RTP calls&gt;
 */
public final class MediaBench {
    static final int AUDIO_BYTES = 160;
    static final int VIDEO_BYTES = 1250;
    static final int VIDEO_PER_TICK = 3; // 3 x 1250 B every 20 ms = 1.5 Mbit/s
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String relay;
    private static long relayPid;

    record Step(int calls, long sent, long received, double p99Ms, double baselineP99Ms, double relayCores,
                double relayPps, double ppsPerCore) {
        double lossPct() {
            return sent == 0 ? 0 : 100.0 * Math.max(0, sent - received) / sent;
        }

        /** Within limits; a p99 at the histogram cap (100 ms) is never within limits. */
        boolean ok() {
            return lossPct() < 0.1 && p99Ms < 100 && p99Ms - baselineP99Ms < 10;
        }
    }

    record Plain(String relay, int calls, long received, double cores, double pps, double ppsPerCore) {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        int[] steps = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[2]);
        int plainCalls = Integer.parseInt(args[3]);
        Process relayProcess = startRelay();
        List<Step> results = new ArrayList<>();
        List<Plain> plain = new ArrayList<>();
        try {
            Step warm = webRtcStep(steps[0], Math.min(seconds, 5));
            System.out.printf("warm-up (discarded): calls=%d p99=%.2fms%n", warm.calls(), warm.p99Ms());
            for (int n : steps) {
                Step s = webRtcStep(n, seconds);
                results.add(s);
                System.out.printf("webrtc calls=%d loss=%.3f%% p99=%.2fms baseline=%.2fms relay=%.2f cores "
                        + "%.0f pkt/s (%.0f pkt/s/core) %s%n", n, s.lossPct(), s.p99Ms(), s.baselineP99Ms(),
                        s.relayCores(), s.relayPps(), s.ppsPerCore(), s.ok() ? "OK" : "OVER");
                if (!s.ok() && s.lossPct() > 5) {
                    break;
                }
            }
            plain.add(plainThroughRelay(plainCalls, seconds));
            System.out.println(plain.get(0));
        } finally {
            relayProcess.destroy();
            relayProcess.waitFor(10, TimeUnit.SECONDS);
        }
        plain.add(plainThroughRtpengine(plainCalls, seconds));
        System.out.println(plain.get(1));
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(results, plain, seconds));
        System.out.println("wrote " + report);
    }

    private static Process startRelay() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dlogback.configurationFile=bench/media-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                MediaBenchRelay.class.getName());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line = r.readLine();
        if (line == null || !line.startsWith("READY ")) {
            throw new IOException("relay did not start: " + line);
        }
        relay = "http://127.0.0.1:" + line.substring(6);
        Thread.ofVirtual().start(() -> {
            try {
                while (r.readLine() != null) {
                    // keep the relay's stdout pipe empty so its logging never blocks it
                }
            } catch (IOException ignored) {
                // relay ended
            }
        });
        relayPid = p.pid();
        return p;
    }

    private static String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(relay + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** [cpu nanos, tapped packets] of the relay process. */
    private static long[] relayStats() throws IOException, InterruptedException {
        String[] p = HTTP.send(HttpRequest.newBuilder(URI.create(relay + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body().split(" ");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
    }

    private static Step webRtcStep(int n, int seconds) throws Exception {
        List<SyntheticWebRtcPeer[]> calls = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
            List<Future<SyntheticWebRtcPeer[]>> f = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String call = "bench-" + n + "-" + i;
                f.add(setup.submit(() -> {
                    SyntheticWebRtcPeer c = new SyntheticWebRtcPeer(111, 96);
                    SyntheticWebRtcPeer a = new SyntheticWebRtcPeer(109, 100);
                    String ac = post("/leg?call=" + call + "&leg=customer&party=customer", c.offer(false));
                    String aa = post("/leg?call=" + call + "&leg=advisor&party=advisor", a.offer(false));
                    c.connect(ac, Duration.ofSeconds(20));
                    a.connect(aa, Duration.ofSeconds(20));
                    post("/record?call=" + call, "");
                    return new SyntheticWebRtcPeer[] {c, a};
                }));
            }
            for (Future<SyntheticWebRtcPeer[]> x : f) {
                calls.add(x.get(60, TimeUnit.SECONDS));
            }
        }
        List<SyntheticWebRtcPeer> peers = calls.stream().flatMap(java.util.Arrays::stream).toList();
        Thread.sleep(500); // server side finishes its DTLS flight
        AtomicLong sent = new AtomicLong();
        runTraffic(peers.size(), i -> sendTick(peers.get(i)), Duration.ofSeconds(2), new AtomicLong());
        peers.forEach(SyntheticWebRtcPeer::resetStats);
        long[] before = relayStats();
        Instant start = Instant.now();
        runTraffic(peers.size(), i -> sendTick(peers.get(i)), Duration.ofSeconds(seconds), sent);
        double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
        Thread.sleep(300);
        long[] after = relayStats();
        long received = peers.stream().mapToLong(SyntheticWebRtcPeer::receivedTotal).sum();
        double p99 = p99(peers.stream().map(SyntheticWebRtcPeer::latencyHistogramMicros).toList());
        for (int i = 0; i < calls.size(); i++) {
            post("/release?call=bench-" + n + "-" + i, "");
        }
        peers.forEach(SyntheticWebRtcPeer::close);
        double baseline = baselineP99(n, Math.min(seconds, 3));
        double cpu = (after[0] - before[0]) / 1e9;
        long tapped = after[1] - before[1];
        return new Step(n, sent.get(), received, p99, baseline, cpu / elapsed, tapped / elapsed, tapped / cpu);
    }

    private static void sendTick(SyntheticWebRtcPeer p) {
        try {
            p.send(MediaKind.AUDIO, AUDIO_BYTES, false);
            for (int v = 0; v < VIDEO_PER_TICK; v++) {
                p.send(MediaKind.VIDEO, VIDEO_BYTES, false);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paces ticks of 20 ms over all peers with two sender threads; counts packets sent. */
    private static void runTraffic(int peers, java.util.function.IntConsumer tick, Duration d, AtomicLong sent)
            throws InterruptedException {
        int threads = 2;
        long end = System.nanoTime() + d.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int shard = t;
            senders.add(Thread.ofPlatform().start(() -> {
                long next = System.nanoTime();
                while (next < end) {
                    for (int i = shard; i < peers; i += threads) {
                        tick.accept(i);
                        sent.addAndGet(1 + VIDEO_PER_TICK);
                    }
                    next += 20_000_000L;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }
    }

    /** The same load sent directly between plain UDP peers (no relay, no crypto): loopback + scheduling latency. */
    private static double baselineP99(int calls, int seconds) throws Exception {
        List<PlainRtpPeer> peers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            PlainRtpPeer a = new PlainRtpPeer();
            PlainRtpPeer b = new PlainRtpPeer();
            a.remote = new InetSocketAddress("127.0.0.1", b.socket.getLocalPort());
            b.remote = new InetSocketAddress("127.0.0.1", a.socket.getLocalPort());
            peers.add(a);
            peers.add(b);
        }
        runTraffic(peers.size(), i -> plainTick(peers.get(i)), Duration.ofSeconds(seconds), new AtomicLong());
        Thread.sleep(200);
        double p99 = p99(peers.stream().map(p -> p.latencyMicros).toList());
        peers.forEach(PlainRtpPeer::close);
        return p99;
    }

    private static void plainTick(PlainRtpPeer p) {
        try {
            p.send(AUDIO_BYTES);
            for (int v = 0; v < VIDEO_PER_TICK; v++) {
                p.send(VIDEO_BYTES);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Plain plainThroughRelay(int calls, int seconds) throws Exception {
        List<PlainRtpPeer> peers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String call = "plain-" + i;
            PlainRtpPeer a = new PlainRtpPeer();
            PlainRtpPeer b = new PlainRtpPeer();
            a.remote = address(post("/leg?type=rtp&call=" + call + "&leg=customer&party=customer", a.offer()));
            b.remote = address(post("/leg?type=rtp&call=" + call + "&leg=advisor&party=advisor", b.offer()));
            post("/record?call=" + call, "");
            peers.add(a);
            peers.add(b);
        }
        runTraffic(peers.size(), i -> plainTick(peers.get(i)), Duration.ofSeconds(1), new AtomicLong());
        long[] before = relayStats();
        long recvBefore = peers.stream().mapToLong(p -> p.received.get()).sum();
        Instant start = Instant.now();
        runTraffic(peers.size(), i -> plainTick(peers.get(i)), Duration.ofSeconds(seconds), new AtomicLong());
        double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
        Thread.sleep(300);
        long[] after = relayStats();
        long received = peers.stream().mapToLong(p -> p.received.get()).sum() - recvBefore;
        for (int i = 0; i < calls; i++) {
            post("/release?call=plain-" + i, "");
        }
        peers.forEach(PlainRtpPeer::close);
        double cpu = (after[0] - before[0]) / 1e9;
        return new Plain("mVTM embedded relay (plain RTP, recording on)", calls, received, cpu / elapsed,
                received / elapsed, received / cpu);
    }

    private static Plain plainThroughRtpengine(int calls, int seconds) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/rtpengine"))) {
            throw new IllegalStateException("rtpengine not found: install the Debian package 'rtpengine-daemon'");
        }
        int ngPort = 22000 + (int) (ProcessHandle.current().pid() % 1000);
        Process engine = new ProcessBuilder("/usr/bin/rtpengine", "--foreground", "--log-stderr", "--log-level=3",
                "--table=-1", "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort,
                "--port-min=46000", "--port-max=47999", "--pidfile=/tmp/mvtm-bench-rtpengine.pid")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<PlainRtpPeer> peers = new ArrayList<>();
        try (RtpengineControl ng = new RtpengineControl(new InetSocketAddress("127.0.0.1", ngPort))) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!ng.ping()) {
                if (System.nanoTime() > deadline || !engine.isAlive()) {
                    throw new IOException("rtpengine did not answer ng ping on port " + ngPort);
                }
                Thread.sleep(200);
            }
            for (int i = 0; i < calls; i++) {
                PlainRtpPeer a = new PlainRtpPeer();
                PlainRtpPeer b = new PlainRtpPeer();
                String call = "plain-" + i;
                b.remote = address(ng.offer(call, "a" + i, a.offer()));
                a.remote = address(ng.answer(call, "a" + i, "b" + i, b.offer()));
                peers.add(a);
                peers.add(b);
            }
            runTraffic(peers.size(), i -> plainTick(peers.get(i)), Duration.ofSeconds(1), new AtomicLong());
            long cpuBefore = cpuTicks(engine.pid());
            long recvBefore = peers.stream().mapToLong(p -> p.received.get()).sum();
            Instant start = Instant.now();
            runTraffic(peers.size(), i -> plainTick(peers.get(i)), Duration.ofSeconds(seconds), new AtomicLong());
            double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
            Thread.sleep(300);
            double cpu = (cpuTicks(engine.pid()) - cpuBefore) / 100.0;
            long received = peers.stream().mapToLong(p -> p.received.get()).sum() - recvBefore;
            return new Plain("rtpengine " + "(userspace, --table=-1)", calls, received, cpu / elapsed,
                    received / elapsed, received / cpu);
        } finally {
            peers.forEach(PlainRtpPeer::close);
            engine.destroy();
            engine.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** utime + stime of a process in clock ticks (USER_HZ = 100 on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static InetSocketAddress address(String sdp) {
        var m = SessionDescription.parse(sdp).first(MediaKind.AUDIO).orElseThrow();
        return new InetSocketAddress(m.connectionAddress(), m.port());
    }

    private static double p99(List<AtomicLongArray> histograms) {
        int size = histograms.get(0).length();
        long[] merged = new long[size];
        long total = 0;
        for (AtomicLongArray h : histograms) {
            for (int i = 0; i < size; i++) {
                long v = h.get(i);
                merged[i] += v;
                total += v;
            }
        }
        long target = (long) Math.ceil(total * 0.99);
        long acc = 0;
        for (int i = 0; i < size; i++) {
            acc += merged[i];
            if (acc >= target) {
                return i / 1000.0;
            }
        }
        return size / 1000.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String markdown(List<Step> steps, List<Plain> plain, int seconds) {
        StringBuilder b = new StringBuilder();
        b.append("# media-bridge benchmark\n\n");
        b.append("Command: `bench/media.sh` (").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, relay and synthetic peers in ")
                .append("separate JVMs on the same machine, ").append(seconds).append(" s per step, ")
                .append("load average at the end ").append(loadAverage()).append(").\n\n");
        b.append("Load per call: two synthetic browsers (DTLS-SRTP, AES_CM_128_HMAC_SHA1_80), each sending 50 audio ")
                .append("packets/s (160 B) and 150 video packets/s of 1250 B (1.5 Mbit/s), recording tap on ")
                .append("(every packet copied into a ring buffer). Baseline = the same load sent directly between ")
                .append("plain UDP peers (no relay, no crypto) in the same step; added latency = p99 - baseline ")
                .append("p99.\n\n");
        b.append("| calls | sent pkts | loss % | p99 ms | baseline p99 ms | relay cores | relay pkt/s in | ")
                .append("pkt/s per core | <0.1% loss and <10 ms added p99 |\n|---|---|---|---|---|---|---|---|---|\n");
        int held = 0;
        for (Step s : steps) {
            b.append(String.format("| %d | %d | %.3f | %.2f | %.2f | %.2f | %.0f | %.0f | %s |%n", s.calls(),
                    s.sent(), s.lossPct(), s.p99Ms(), s.baselineP99Ms(), s.relayCores(), s.relayPps(),
                    s.ppsPerCore(), s.ok() ? "yes" : "no"));
            if (s.ok()) {
                held = Math.max(held, s.calls());
            }
        }
        b.append("\n**Concurrent recorded WebRTC calls held within the limits: ").append(held).append("** ")
                .append("(aim: 100 on 2 cores).\n\n");
        b.append("## Plain RTP, same load, same run\n\n| relay | calls | packets relayed | cores used | pkt/s | ")
                .append("pkt/s per core |\n|---|---|---|---|---|---|\n");
        for (Plain p : plain) {
            b.append(String.format("| %s | %d | %d | %.2f | %.0f | %.0f |%n", p.relay(), p.calls(), p.received(),
                    p.cores(), p.pps(), p.ppsPerCore()));
        }
        b.append("\nLatency is measured one way, peer to peer through the relay (send time in the payload); 100 ms ")
                .append("means 100 ms or more. Loss counts packets sent during the step that never arrived.\n");
        b.append("\nNotes: the synthetic peers share the same cores as the relay (they also encrypt/decrypt every ")
                .append("packet), so the relay's numbers are a lower bound of what it does on dedicated cores. ")
                .append("rtpengine runs in userspace (no kernel forwarding module); the embedded relay's plain-RTP ")
                .append("row includes its recording tap.\n");
        return b.toString();
    }
}
