package org.mvtm.server.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A request to another node's internal API: {@code body} POSTed as JSON, with the cluster secret presented. */
final class InternalPost {
    private InternalPost() {
    }

    static HttpRequest to(String url, String secret, JsonMapper json, Map<String, Object> body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(InternalMediaController.SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
    }
}
