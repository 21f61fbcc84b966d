package org.mvtm.server.cluster;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.mvtm.recording.api.RecordingStoreException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recording store of another node, reached over its {@code /internal/recordings} API with the cluster secret. The
 * officer (as this node authenticated them) travels with every request, so the owning node applies role and region
 * exactly as its own consoles would; its refusals come back as the same exceptions.
 */
final class RemoteRecordings {
    private final String node;
    private final String secret;
    private final HttpClient http;
    private final JsonMapper json;

    RemoteRecordings(String node, String secret, HttpClient http, JsonMapper json) {
        this.node = node;
        this.secret = secret;
        this.http = http;
        this.json = json;
    }

    String node() {
        return node;
    }

    /** POSTs {@code body} to {@code /internal/recordings/<path>} and reads the answer as JSON. */
    JsonNode call(String path, Map<String, Object> body) {
        return json.readTree(new String(bytes(path, body), StandardCharsets.UTF_8));
    }

    <T> T call(String path, Map<String, Object> body, Class<T> type) {
        return json.treeToValue(call(path, body), type);
    }

    byte[] bytes(String path, Map<String, Object> body) {
        HttpRequest request = InternalPost.to(node + "/internal/recordings/" + path, secret, json, body,
                Duration.ofSeconds(30));
        HttpResponse<byte[]> res;
        try {
            res = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RecordingStoreException("node " + node + " unreachable for " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingStoreException("interrupted while asking node " + node + " for " + path, e);
        }
        if (res.statusCode() == 200) {
            return res.body();
        }
        String message = new String(res.body(), StandardCharsets.UTF_8);
        throw RecordingRefusal.answered(res.statusCode(), message).orElseGet(() -> new RecordingStoreException(
                "node " + node + " answered " + res.statusCode() + " to " + path + ": " + message));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
