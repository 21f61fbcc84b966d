package org.mvtm.media.kurento;

import java.time.Duration;
import java.util.function.Consumer;
import org.mvtm.core.media.MediaKind;

/**
 * The slice of Kurento's object model the adapter uses: a pipeline per call and its elements. The real
 * implementation ({@link KurentoClientPort}) forwards to kurento-client; tests use a recording fake so the adapter's
 * topology (what is created, connected, recorded) is checked without a Kurento Media Server.
 */
public interface KurentoPort extends AutoCloseable {
    Pipeline createPipeline(String name);

    @Override
    void close();

    /** A Kurento MediaPipeline. */
    interface Pipeline {
        Element webRtcEndpoint();

        Element rtpEndpoint();

        /** RecorderEndpoint with the WEBM media profile (no transcoding of VP8/Opus). */
        Element webmRecorder(String uri);

        Element player(String uri);

        void release();
    }

    /** A Kurento MediaElement (endpoint, recorder or player). */
    interface Element {
        String processOffer(String sdp);

        String generateOffer();

        void processAnswer(String sdp);

        /** Gathers ICE candidates and waits (bounded) until gathering is done, then returns the local SDP. */
        String gatherCandidates(Duration timeout);

        void addIceCandidate(String candidate, String sdpMid, int sdpMLineIndex);

        void connect(Element sink);

        void connect(Element sink, MediaKind kind);

        void disconnect(Element sink);

        void record();

        void play();

        void stop();

        void onEvent(Consumer<ElementEvent> listener);

        void release();
    }

    /** What Kurento reported about an element. */
    sealed interface ElementEvent {
        record Connected() implements ElementEvent {}

        record Flowing(MediaKind kind) implements ElementEvent {}

        record NotFlowing(MediaKind kind) implements ElementEvent {}

        record IceFailed(String detail) implements ElementEvent {}

        record Error(String description) implements ElementEvent {}

        record EndOfStream() implements ElementEvent {}
    }
}
