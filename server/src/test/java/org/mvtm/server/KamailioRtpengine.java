package org.mvtm.server;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mvtm.sip.bench.SipEdgeBenchmark;

/**
 * The open-source anchor of bench/capacity.sh: Kamailio (Debian kamailio) as a stateful, record-routing proxy in front
 * of one SIPp phone, with the media anchored in rtpengine (Debian rtpengine-daemon) through Kamailio's rtpengine
 * module (bench/sip/kamailio-rtpengine.cfg). rtpengine runs in userspace only ({@code --table=-1}: no kernel module,
 * no iptables, so it needs no privilege beyond binding its ports), without the package's /etc config, on free ports
 * for its ng control socket and RTP ports 10000-19999 (below the ports {@code FreePorts} hands out, the kernel's
 * ephemeral range and the server's relay ports), deleting each session at once. Both stop on {@link #close}.
 */
final class KamailioRtpengine implements AutoCloseable {
    private static final int RTP_PORT_MIN = 10000;
    private static final int RTP_PORT_MAX = 19999;

    final int sipPort;
    private final Process rtpengine;
    private final Process kamailio;

    private KamailioRtpengine(int sipPort, Process rtpengine, Process kamailio) {
        this.sipPort = sipPort;
        this.rtpengine = rtpengine;
        this.kamailio = kamailio;
    }

    /** Starts rtpengine, waits for its answer to an ng ping, then Kamailio relaying to the phone on {@code phonePort}. */
    static KamailioRtpengine start(Path dir, int phonePort) throws Exception {
        Files.createDirectories(dir);
        int ngPort = ServerProcess.freeUdpPort();
        Process rtpengine = new ProcessBuilder("rtpengine", "--config-file=none", "--foreground", "--log-stderr",
                "--table=-1", "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort,
                "--port-min=" + RTP_PORT_MIN, "--port-max=" + RTP_PORT_MAX, "--delete-delay=0", "--log-level=4",
                "--pidfile=" + dir.resolve("rtpengine.pid"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("rtpengine.log").toFile()).start();
        Process kamailio = null;
        try {
            awaitPong(rtpengine, ngPort, dir, Duration.ofSeconds(30));
            int sipPort = ServerProcess.freeUdpPort();
            kamailio = SipEdgeBenchmark.kamailio(dir, NodeScript.REPO.resolve("bench/sip/kamailio-rtpengine.cfg"),
                    Map.of("LISTEN_PORT", sipPort, "PHONE_PORT", phonePort, "NG_PORT", ngPort));
            awaitListening(kamailio, sipPort, dir, Duration.ofSeconds(30));
            return new KamailioRtpengine(sipPort, rtpengine, kamailio);
        } catch (Exception e) {
            stop(kamailio);
            stop(rtpengine);
            throw e;
        }
    }

    /** CPU time of rtpengine and of Kamailio with its forked workers. */
    Duration cpu() {
        return Stream.of(rtpengine.toHandle(), kamailio.toHandle())
                .flatMap(h -> Stream.concat(Stream.of(h), h.descendants()))
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() {
        stop(kamailio);
        stop(rtpengine);
    }

    private static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** rtpengine answers the ng protocol's ping ({@code d7:command4:pinge}) with a pong once it listens. */
    private static void awaitPong(Process rtpengine, int ngPort, Path dir, Duration timeout) throws Exception {
        byte[] ping = "mvtm1 d7:command4:pinge".getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!rtpengine.isAlive()) {
                    throw new IllegalStateException("rtpengine stopped: " + SipJourneyTest.read(dir.resolve("rtpengine.log")));
                }
                s.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), ngPort));
                DatagramPacket reply = new DatagramPacket(new byte[512], 512);
                try {
                    s.receive(reply);
                    if (new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII).contains("pong")) {
                        return;
                    }
                } catch (SocketTimeoutException notYet) {
                    // not listening yet
                }
            }
        }
        throw new IllegalStateException("rtpengine did not answer on ng port " + ngPort + " within " + timeout);
    }

    /** Kamailio listens once its UDP socket on 127.0.0.1 shows in /proc/net/udp. */
    private static void awaitListening(Process kamailio, int port, Path dir, Duration timeout) throws Exception {
        String local = "0100007F:%04X".formatted(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kamailio.isAlive()) {
                throw new IllegalStateException("kamailio stopped: " + SipJourneyTest.read(dir.resolve("kamailio.log")));
            }
            List<String> sockets = Files.readAllLines(Path.of("/proc/net/udp"));
            if (sockets.stream().anyMatch(l -> l.strip().split("\\s+").length > 1 && l.strip().split("\\s+")[1].equals(local))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("kamailio did not listen on " + port + " within " + timeout);
    }
}
