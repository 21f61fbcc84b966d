package org.mvtm.media.kurento;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mvtm.core.media.MediaKind;

/**
 * Stands in for Kurento: writes down every call the adapter makes ("pipeline mvtm-x", "webrtc#1 processOffer",
 * "webrtc#1 -> webrtc#2", "recorder#3 record", ...) and answers SDP with a fixed Kurento-like answer, so tests check
 * the adapter's topology. It says nothing about Kurento's own behaviour.
 */
final class RecordingKurentoPort implements KurentoPort {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<FakeElement> elements = new ArrayList<>();
    /** What a stopped recorder does with its file URI (Kurento finishes writing the WEBM file then). */
    volatile Consumer<String> recorderWrote = uri -> { };
    private int next = 1;

    static final String ANSWER = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=Kurento\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
            + "m=audio 30000 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
            + "m=video 30000 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";

    @Override
    public Pipeline createPipeline(String name) {
        calls.add("pipeline " + name);
        return new Pipeline() {
            @Override
            public Element webRtcEndpoint() {
                return element("webrtc");
            }

            @Override
            public Element rtpEndpoint() {
                return element("rtp");
            }

            @Override
            public Element webmRecorder(String uri) {
                FakeElement recorder = (FakeElement) element("recorder", "WEBM " + uri);
                recorder.uri = uri;
                return recorder;
            }

            @Override
            public Element player(String uri) {
                return element("player", uri);
            }

            @Override
            public void release() {
                calls.add("pipeline release");
            }
        };
    }

    private synchronized Element element(String kind, String... detail) {
        FakeElement e = new FakeElement(kind + "#" + next++);
        elements.add(e);
        calls.add("create " + e.name + (detail.length > 0 ? " " + detail[0] : ""));
        return e;
    }

    @Override
    public void close() {
        calls.add("close");
    }

    final class FakeElement implements Element {
        final String name;
        final List<Consumer<ElementEvent>> listeners = new CopyOnWriteArrayList<>();
        String uri;

        FakeElement(String name) {
            this.name = name;
        }

        void fire(ElementEvent e) {
            listeners.forEach(l -> l.accept(e));
        }

        @Override
        public String processOffer(String sdp) {
            calls.add(name + " processOffer");
            return ANSWER;
        }

        @Override
        public String generateOffer() {
            calls.add(name + " generateOffer");
            return ANSWER;
        }

        @Override
        public void processAnswer(String sdp) {
            calls.add(name + " processAnswer");
        }

        @Override
        public String gatherCandidates(Duration timeout) {
            calls.add(name + " gatherCandidates");
            return ANSWER + "a=candidate:1 1 UDP 2015363327 10.0.0.9 30000 typ host\r\n";
        }

        @Override
        public void addIceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
            calls.add(name + " addIceCandidate " + sdpMid + "/" + sdpMLineIndex);
        }

        @Override
        public void connect(Element sink) {
            calls.add(name + " -> " + ((FakeElement) sink).name);
        }

        @Override
        public void connect(Element sink, MediaKind kind) {
            calls.add(name + " -" + kind + "-> " + ((FakeElement) sink).name);
        }

        @Override
        public void disconnect(Element sink) {
            calls.add(name + " -x- " + ((FakeElement) sink).name);
        }

        @Override
        public void record() {
            calls.add(name + " record");
        }

        @Override
        public void play() {
            calls.add(name + " play");
        }

        @Override
        public void stop() {
            calls.add(name + " stop");
            if (uri != null) {
                recorderWrote.accept(uri);
            }
        }

        @Override
        public void onEvent(Consumer<ElementEvent> listener) {
            listeners.add(listener);
        }

        @Override
        public void release() {
            calls.add(name + " release");
        }
    }
}
