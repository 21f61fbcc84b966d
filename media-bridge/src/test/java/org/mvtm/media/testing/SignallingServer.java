package org.mvtm.media.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.mvtm.core.Party;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;

/**
 * Test-only signalling: serves {@code call.html} and turns {@code POST /offer?leg=..&party=..} into
 * {@link MediaSession#addWebRtcLeg}. Bound to 127.0.0.1 on a free port (getUserMedia needs a secure context).
 */
public final class SignallingServer implements AutoCloseable {
    private final HttpServer http;
    private final MediaSession session;

    public SignallingServer(MediaSession session) throws IOException {
        this.session = session;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/call.html", this::page);
        http.createContext("/offer", this::offer);
        http.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void page(HttpExchange ex) throws IOException {
        try (InputStream in = SignallingServer.class.getResourceAsStream("/browser/call.html")) {
            respond(ex, 200, "text/html", in.readAllBytes());
        }
    }

    private void offer(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        String sdp = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            String answer = session.addWebRtcLeg(q.get("leg"), Party.named(q.get("party")), sdp);
            respond(ex, 200, "application/sdp", answer.getBytes(StandardCharsets.UTF_8));
        } catch (MediaException e) {
            respond(ex, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> m = new HashMap<>();
        String raw = uri.getQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    m.put(kv.substring(0, i), kv.substring(i + 1));
                }
            }
        }
        return m;
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
