package org.mvtm.media.kurento;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kurento.client.BaseRtpEndpoint;
import org.kurento.client.EndOfStreamEvent;
import org.kurento.client.IceCandidate;
import org.kurento.client.IceComponentState;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaElement;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaProfileSpecType;
import org.kurento.client.MediaState;
import org.kurento.client.MediaType;
import org.kurento.client.PlayerEndpoint;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.RtpEndpoint;
import org.kurento.client.SdpEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.mvtm.core.media.MediaKind;

/** {@link KurentoPort} over kurento-client (JSON-RPC over WebSocket to Kurento Media Server). */
final class KurentoClientPort implements KurentoPort {
    private final KurentoClient client;

    KurentoClientPort(KurentoClient client) {
        this.client = client;
    }

    @Override
    public Pipeline createPipeline(String name) {
        MediaPipeline pipeline = client.createMediaPipeline();
        pipeline.setName(name);
        return new Pipeline() {
            @Override
            public Element webRtcEndpoint() {
                return new KElement(new WebRtcEndpoint.Builder(pipeline).build());
            }

            @Override
            public Element rtpEndpoint() {
                return new KElement(new RtpEndpoint.Builder(pipeline).build());
            }

            @Override
            public Element webmRecorder(String uri) {
                return new KElement(new RecorderEndpoint.Builder(pipeline, uri)
                        .withMediaProfile(MediaProfileSpecType.WEBM).build());
            }

            @Override
            public Element player(String uri) {
                return new KElement(new PlayerEndpoint.Builder(pipeline, uri).build());
            }

            @Override
            public void release() {
                pipeline.release();
            }
        };
    }

    @Override
    public void close() {
        client.destroy();
    }

    private static final class KElement implements Element {
        private final MediaElement element;

        KElement(MediaElement element) {
            this.element = element;
        }

        private SdpEndpoint sdp() {
            if (element instanceof SdpEndpoint s) {
                return s;
            }
            throw new IllegalStateException(element.getClass().getSimpleName() + " has no SDP");
        }

        @Override
        public String processOffer(String offer) {
            return sdp().processOffer(offer);
        }

        @Override
        public String generateOffer() {
            return sdp().generateOffer();
        }

        @Override
        public void processAnswer(String answer) {
            sdp().processAnswer(answer);
        }

        @Override
        public String gatherCandidates(Duration timeout) {
            if (element instanceof WebRtcEndpoint w) {
                CountDownLatch done = new CountDownLatch(1);
                w.addIceGatheringDoneListener(e -> done.countDown());
                w.gatherCandidates();
                try {
                    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sdp().getLocalSessionDescriptor();
        }

        @Override
        public void addIceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
            if (element instanceof WebRtcEndpoint w) {
                w.addIceCandidate(new IceCandidate(candidate, sdpMid, sdpMLineIndex));
            }
        }

        @Override
        public void connect(Element sink) {
            element.connect(((KElement) sink).element);
        }

        @Override
        public void connect(Element sink, MediaKind kind) {
            element.connect(((KElement) sink).element, kind == MediaKind.AUDIO ? MediaType.AUDIO : MediaType.VIDEO);
        }

        @Override
        public void disconnect(Element sink) {
            element.disconnect(((KElement) sink).element);
        }

        @Override
        public void record() {
            ((RecorderEndpoint) element).record();
        }

        @Override
        public void play() {
            ((PlayerEndpoint) element).play();
        }

        @Override
        public void stop() {
            if (element instanceof RecorderEndpoint r) {
                r.stopAndWait();
            } else if (element instanceof PlayerEndpoint p) {
                p.stop();
            }
        }

        @Override
        public void onEvent(Consumer<ElementEvent> listener) {
            element.addMediaFlowInStateChangedListener(e -> listener.accept(e.getState() == MediaFlowState.FLOWING
                    ? new ElementEvent.Flowing(kind(e.getMediaType()))
                    : new ElementEvent.NotFlowing(kind(e.getMediaType()))));
            element.addErrorListener(e -> listener.accept(new ElementEvent.Error(e.getDescription())));
            if (element instanceof BaseRtpEndpoint rtp) {
                rtp.addMediaStateChangedListener(e -> {
                    if (e.getNewState() == MediaState.CONNECTED) {
                        listener.accept(new ElementEvent.Connected());
                    }
                });
            }
            if (element instanceof WebRtcEndpoint w) {
                w.addIceComponentStateChangedListener(e -> {
                    if (e.getState() == IceComponentState.FAILED) {
                        listener.accept(new ElementEvent.IceFailed("ICE component " + e.getComponentId()
                                + " of stream " + e.getStreamId() + " failed"));
                    }
                });
            }
            if (element instanceof PlayerEndpoint p) {
                p.addEndOfStreamListener((EndOfStreamEvent e) -> listener.accept(new ElementEvent.EndOfStream()));
            }
        }

        private static MediaKind kind(MediaType t) {
            return t == MediaType.VIDEO ? MediaKind.VIDEO : MediaKind.AUDIO;
        }

        @Override
        public void release() {
            element.release();
        }
    }
}
