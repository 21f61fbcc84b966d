package org.mvtm.media.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of the Kurento adapter.
 *
 * @param wsUrl          Kurento Media Server JSON-RPC URL, {@code ws://host:8888/kurento}
 * @param recordingDir   directory <em>as seen by the Kurento server</em> where RecorderEndpoints write WEBM files
 *                       ({@code file:///tmp/mvtm-recordings} in the docker compose setup)
 */
public record KurentoMediaConfig(URI wsUrl, URI recordingDir) {
    public KurentoMediaConfig {
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(recordingDir, "recordingDir");
        if (!"ws".equals(wsUrl.getScheme()) && !"wss".equals(wsUrl.getScheme())) {
            throw new IllegalArgumentException("Kurento URL must be ws:// or wss:// but was " + wsUrl);
        }
        if (!"file".equals(recordingDir.getScheme())) {
            throw new IllegalArgumentException("Kurento recording dir must be a file:// URI but was " + recordingDir);
        }
    }

    public static KurentoMediaConfig of(String wsUrl, Path recordingDirOnKurentoHost) {
        return new KurentoMediaConfig(URI.create(wsUrl), recordingDirOnKurentoHost.toUri());
    }
}
