package org.mvtm.media.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;

/**
 * The relay side of the benchmark, in its own JVM: the embedded media server plus a tiny HTTP control API
 * (add legs, start recording, release, CPU/packet stats). Recording copies every packet into a ring buffer, as the
 * recording store's tap does.
 */
public final class MediaBenchRelay {
    private static final AtomicLong TAPPED = new AtomicLong();

    /** A recording sink that copies each packet (what a real store does before handing it to its writer). */
    static final class CopyingSink implements MediaPacketSink {
        private final byte[] ring = new byte[1 << 20];
        private int pos;

        @Override
        public void legAdded(LegDescription leg) {
        }

        @Override
        public synchronized void packet(String legId, MediaKind kind, long micros, byte[] b, int off, int len) {
            if (pos + len > ring.length) {
                pos = 0;
            }
            System.arraycopy(b, off, ring, pos, len);
            pos += len;
            TAPPED.incrementAndGet();
        }

        @Override
        public void closed() {
        }
    }

    public static void main(String[] args) throws IOException {
        MediaServer media = MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/leg", ex -> {
            Map<String, String> q = query(ex);
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            MediaSession s = media.session(InteractionId.of(q.get("call")));
            try {
                Party party = Party.named(q.get("party"));
                String answer = "rtp".equals(q.get("type")) ? s.addRtpLeg(q.get("leg"), party, body)
                        : s.addWebRtcLeg(q.get("leg"), party, body);
                reply(ex, 200, answer);
            } catch (RuntimeException e) {
                reply(ex, 400, e.toString());
            }
        });
        http.createContext("/record", ex -> {
            media.session(InteractionId.of(query(ex).get("call"))).startRecording(new CopyingSink());
            reply(ex, 200, "ok");
        });
        http.createContext("/release", ex -> {
            media.find(InteractionId.of(query(ex).get("call"))).ifPresent(MediaSession::release);
            reply(ex, 200, "ok");
        });
        http.createContext("/stats", ex -> {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            reply(ex, 200, os.getProcessCpuTime() + " " + TAPPED.get());
        });
        http.start();
        System.out.println("READY " + http.getAddress().getPort());
        System.out.flush();
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> m = new HashMap<>();
        String raw = ex.getRequestURI().getQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                m.put(kv.substring(0, i), kv.substring(i + 1));
            }
        }
        return m;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
