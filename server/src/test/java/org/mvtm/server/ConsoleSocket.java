package org.mvtm.server;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A console's WebSocket opened from a signed-in {@link WebSession} (its cookies, the page's own Origin). */
final class ConsoleSocket implements AutoCloseable {
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();

    private ConsoleSocket(WebSession session, String path) throws Exception {
        URI uri = URI.create(session.base().replaceFirst("^http", "ws") + path);
        socket = session.http().newWebSocketBuilder().header("Origin", session.base())
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(WebSession.JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    static ConsoleSocket open(WebSession session, String path) throws Exception {
        return new ConsoleSocket(session, path);
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    /** An advisor's console: once its desk has loaded, sets them Ready and waits until the server says they are. */
    void ready(Duration timeout) throws Exception {
        await("desk", m -> true, timeout);
        send("{\"type\":\"presence\",\"state\":\"READY\"}");
        await("presence", m -> m.path("state").asString().equals("READY"), timeout);
    }

    /** The next message of that type matching the filter, within the timeout (other messages are kept in {@link #seen}). */
    JsonNode await(String type, Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode m = received.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            if (m == null) {
                break;
            }
            seen.add(m);
            if (m.path("type").asString().equals(type) && filter.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message within " + timeout + "; saw " + seen);
    }

    /** Every message {@link #await} has taken so far, in order. */
    List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
