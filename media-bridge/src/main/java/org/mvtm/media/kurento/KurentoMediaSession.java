package org.mvtm.media.kurento;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.core.media.PayloadType;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.MediaDescription;
import org.mvtm.media.sdp.SdpException;
import org.mvtm.media.sdp.SessionDescription;
import org.mvtm.media.sdp.WebRtcOfferAnswer;
import org.mvtm.media.support.CallLeg;
import org.mvtm.media.support.CallLegs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call on Kurento. Kurento records itself (a WEBM RecorderEndpoint per leg, files under the configured
 * recording directory on the Kurento host), so the {@link MediaPacketSink} handed to {@link #startRecording} gets
 * {@code legAdded} and {@code closed} but no packets. When the recording stops (the call ends, or a leg leaves) each
 * recorder is stopped (kurento-client's {@code stopAndWait}: the file is complete) and its file is handed to the sink
 * with {@link MediaPacketSink#fileRecorded} before {@code closed}: the recording store encrypts it into the
 * recording and deletes it. The recording directory must therefore be the same directory on the Kurento host and
 * on this server (a shared volume), see docs/media-bridge.md.
 */
final class KurentoMediaSession implements MediaSession {
    private static final Logger log = LoggerFactory.getLogger(KurentoMediaSession.class);
    private static final Duration GATHERING = Duration.ofSeconds(5);
    private final KurentoMediaServer server;
    private final InteractionId interaction;
    private final CallLegs<KLeg> legs;
    private KurentoPort.Pipeline pipeline;
    private MediaPacketSink sink;
    /** Recorder files complete and not yet handed to the sink: leg id and file URI. */
    private final List<Map.Entry<String, String>> recordedFiles = new ArrayList<>();
    private boolean released;

    private static final class KLeg extends CallLeg {
        final LegInfo.Transport transport;
        final KurentoPort.Element endpoint;
        List<PayloadType> payloadTypes = List.of();
        KurentoPort.Element recorder;
        String recorderUri;
        KurentoPort.Element player;
        boolean connected;
        boolean onHold;
        boolean muted;
        /** RTP legs: the SDP Kurento gave the peer and where the peer receives (address:port). */
        String localSdp;
        String remoteMedia;

        KLeg(String id, Party party, LegInfo.Transport transport, KurentoPort.Element endpoint) {
            super(id, party);
            this.transport = transport;
            this.endpoint = endpoint;
        }
    }

    KurentoMediaSession(KurentoMediaServer server, InteractionId interaction) {
        this.server = server;
        this.interaction = interaction;
        this.legs = new CallLegs<>(interaction, List.of(Party.CUSTOMER, Party.ADVISOR));
    }

    @Override
    public InteractionId interaction() {
        return interaction;
    }

    @Override
    public synchronized String addWebRtcLeg(String legId, Party party, String sdpOffer) {
        return answered(legId, party, sdpOffer, LegInfo.Transport.WEBRTC);
    }

    @Override
    public synchronized void addRemoteCandidate(String legId, String candidateLine) {
        KLeg leg = leg(legId);
        // BUNDLE: every candidate belongs to the first m-line
        WebRtcOfferAnswer.trickledCandidate(candidateLine).ifPresent(c -> leg.endpoint.addIceCandidate(c, "0", 0));
    }

    @Override
    public synchronized String addRtpLeg(String legId, Party party, String sdpOffer) {
        return answered(legId, party, sdpOffer, LegInfo.Transport.RTP);
    }

    /**
     * A new leg whose peer offered: Kurento's endpoint answers (a browser's answer once Kurento gathered its
     * candidates; an RTP leg's answer is kept for re-offers, with where the peer receives).
     */
    private String answered(String legId, Party party, String sdpOffer, LegInfo.Transport transport) {
        check(legId, party);
        SessionDescription.parse(sdpOffer);
        boolean browser = transport == LegInfo.Transport.WEBRTC;
        KLeg leg = newLeg(legId, party, transport, browser ? pipeline().webRtcEndpoint() : pipeline().rtpEndpoint());
        String processed = leg.endpoint.processOffer(sdpOffer);
        String answer = browser ? leg.endpoint.gatherCandidates(GATHERING) : processed;
        leg.payloadTypes = payloadTypes(answer);
        if (!browser) {
            leg.localSdp = answer;
            leg.remoteMedia = remoteMedia(sdpOffer);
        }
        attach(leg);
        return answer;
    }

    /**
     * Kurento's RtpEndpoint negotiates once: a re-offer may change the direction (hold: the leg is disconnected,
     * resume: connected again) but not the address, which is refused with a message.
     */
    @Override
    public synchronized String updateRtpLeg(String legId, String sdpOffer) {
        KLeg leg = leg(legId);
        if (leg.transport != LegInfo.Transport.RTP || leg.localSdp == null) {
            throw new MediaException("leg " + legId + " is not a negotiated RTP leg");
        }
        MediaDescription audio = SessionDescription.parse(sdpOffer).first(MediaKind.AUDIO)
                .orElseThrow(() -> new SdpException("SIP offer has no m=audio line with a non-zero port"));
        boolean zero = "0.0.0.0".equals(audio.connectionAddress());
        String where = remoteMedia(sdpOffer);
        if (!zero && leg.remoteMedia != null && !leg.remoteMedia.equals(where)) {
            throw new MediaException("Kurento cannot move RTP leg " + legId + " from " + leg.remoteMedia + " to " + where);
        }
        String direction = zero ? "recvonly" : switch (audio.direction()) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
        hold(legId, !direction.equals("sendrecv"));
        String sdp = leg.localSdp.replaceAll("(?m)^a=(sendrecv|sendonly|recvonly|inactive)\\r?$\\n?", "");
        return sdp + (sdp.endsWith("\n") ? "" : "\r\n") + "a=" + direction + "\r\n";
    }

    private static String remoteMedia(String sdp) {
        return SessionDescription.parse(sdp).first(MediaKind.AUDIO)
                .map(m -> m.connectionAddress() + ":" + m.port()).orElse(null);
    }

    @Override
    public synchronized String createRtpOffer(String legId, Party party) {
        check(legId, party);
        KLeg leg = newLeg(legId, party, LegInfo.Transport.RTP, pipeline().rtpEndpoint());
        String offer = leg.endpoint.generateOffer();
        leg.localSdp = offer;
        attach(leg);
        return offer;
    }

    @Override
    public synchronized void applyRtpAnswer(String legId, String sdpAnswer) {
        KLeg leg = leg(legId);
        SessionDescription.parse(sdpAnswer);
        leg.endpoint.processAnswer(sdpAnswer);
        leg.payloadTypes = payloadTypes(sdpAnswer);
        leg.remoteMedia = remoteMedia(sdpAnswer);
    }

    @Override
    public synchronized void connect(String legA, String legB) {
        if (legs.connect(legA, legB)) {
            connectEndpoints(legs.get(legA), legs.get(legB));
        }
    }

    @Override
    public synchronized void startRecording(MediaPacketSink newSink) {
        if (sink != null) {
            stopRecording();
        }
        sink = newSink;
        for (KLeg leg : legs.all()) {
            startRecorder(leg);
        }
    }

    private void startRecorder(KLeg leg) {
        String dir = server.config.recordingDir().toString().replaceAll("/+$", "");
        String uri = dir + "/" + interaction.value() + "/" + leg.id + "-" + server.clock.millis() + ".webm";
        leg.recorder = pipeline.webmRecorder(uri);
        leg.recorderUri = uri;
        leg.endpoint.connect(leg.recorder);
        leg.recorder.record();
        sink.legAdded(new LegDescription(leg.id, leg.party.mediaName(), leg.payloadTypes));
    }

    @Override
    public synchronized void stopRecording() {
        for (KLeg leg : legs.all()) {
            stopRecorder(leg);
        }
        if (sink != null) {
            for (Map.Entry<String, String> f : recordedFiles) {
                try {
                    sink.fileRecorded(f.getKey(), Path.of(URI.create(f.getValue())), "video/webm");
                } catch (RuntimeException e) {
                    log.warn("handing Kurento's recording {} of leg {} to the recording failed", f.getValue(),
                            f.getKey(), e);
                }
            }
            sink.closed();
            sink = null;
        }
        recordedFiles.clear();
    }

    /** Stops a leg's recorder; its (now complete) file waits to be handed to the sink. */
    private void stopRecorder(KLeg leg) {
        if (leg.recorder != null) {
            leg.recorder.stop();
            leg.recorder.release();
            leg.recorder = null;
            recordedFiles.add(Map.entry(leg.id, leg.recorderUri));
        }
    }

    @Override
    public synchronized void playAudio(String legId, Path wavOrRaw, boolean loop) {
        KLeg leg = leg(legId);
        stopAudio(legId);
        for (KLeg other : peersOf(leg)) {
            other.endpoint.disconnect(leg.endpoint);
        }
        KurentoPort.Element player = pipeline.player(wavOrRaw.toUri().toString());
        player.connect(leg.endpoint, MediaKind.AUDIO);
        if (loop) {
            player.onEvent(e -> {
                if (e instanceof KurentoPort.ElementEvent.EndOfStream) {
                    player.play();
                }
            });
        }
        leg.player = player;
        player.play();
    }

    @Override
    public synchronized void stopAudio(String legId) {
        KLeg leg = leg(legId);
        if (leg.player != null) {
            leg.player.stop();
            leg.player.release();
            leg.player = null;
            for (KLeg other : peersOf(leg)) {
                other.endpoint.connect(leg.endpoint);
            }
        }
    }

    @Override
    public synchronized void hold(String legId, boolean onHold) {
        KLeg leg = leg(legId);
        if (leg.onHold != onHold) {
            leg.onHold = onHold;
            rewire(leg, !onHold);
        }
    }

    /** Kurento connects by media type: a muted leg sends its peers video only. */
    @Override
    public synchronized void mute(String legId, boolean muted) {
        KLeg leg = leg(legId);
        if (leg.muted != muted) {
            leg.muted = muted;
            rewire(leg, leg.onHold);
        }
    }

    /**
     * The leg was held, resumed ({@code wasHeld} differs from its state now) or muted or unmuted: its connections to
     * its peers follow. A held leg is connected to nobody (and stays muted or not when resumed).
     */
    private void rewire(KLeg leg, boolean wasHeld) {
        for (KLeg other : peersOf(leg)) {
            if (leg.onHold && !wasHeld) {
                leg.endpoint.disconnect(other.endpoint);
                other.endpoint.disconnect(leg.endpoint);
            } else if (!leg.onHold && wasHeld) {
                sendTo(leg, other);
                other.endpoint.connect(leg.endpoint);
            } else if (!leg.onHold) {
                leg.endpoint.disconnect(other.endpoint);
                sendTo(leg, other);
            }
        }
    }

    /** Connects what {@code leg} sends to {@code other}: video only while the leg is muted. */
    private static void sendTo(KLeg leg, KLeg other) {
        if (leg.muted) {
            leg.endpoint.connect(other.endpoint, MediaKind.VIDEO);
        } else {
            leg.endpoint.connect(other.endpoint);
        }
    }

    @Override
    public synchronized void removeLeg(String legId) {
        KLeg leg = leg(legId);
        closeLeg(leg);
        legs.remove(leg);
        server.publish(new MediaEvent.LegClosed(interaction, legId, "removed", server.clock.instant()));
    }

    @Override
    public synchronized List<LegInfo> legs() {
        return legs.all().stream().map(l -> new LegInfo(l.id, l.party, l.transport, null, l.payloadTypes,
                l.connected, l.onHold)).toList();
    }

    @Override
    public void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            stopRecording();
            for (KLeg leg : legs.clear()) {
                closeLeg(leg);
                server.publish(new MediaEvent.LegClosed(interaction, leg.id, "released", server.clock.instant()));
            }
            if (pipeline != null) {
                pipeline.release();
            }
        }
        server.forget(this);
    }

    private void closeLeg(KLeg leg) {
        if (leg.player != null) {
            leg.player.release();
        }
        stopRecorder(leg);
        leg.endpoint.release();
    }

    private KurentoPort.Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = server.port.createPipeline("mvtm-" + interaction.value());
        }
        return pipeline;
    }

    private KLeg newLeg(String legId, Party party, LegInfo.Transport transport, KurentoPort.Element endpoint) {
        KLeg leg = new KLeg(legId, party, transport, endpoint);
        endpoint.onEvent(e -> onElementEvent(leg, e));
        return leg;
    }

    private void attach(KLeg leg) {
        for (KLeg other : legs.add(leg)) {
            connectEndpoints(leg, other);
        }
        if (sink != null) {
            startRecorder(leg);
        }
    }

    private List<KLeg> peersOf(KLeg leg) {
        return legs.peersOf(leg);
    }

    private static void connectEndpoints(KLeg a, KLeg b) {
        a.endpoint.connect(b.endpoint);
        b.endpoint.connect(a.endpoint);
    }

    private void onElementEvent(KLeg leg, KurentoPort.ElementEvent e) {
        var now = server.clock.instant();
        MediaEvent out = switch (e) {
            case KurentoPort.ElementEvent.Connected c -> {
                leg.connected = true;
                yield new MediaEvent.LegConnected(interaction, leg.id, now);
            }
            case KurentoPort.ElementEvent.Flowing f -> new MediaEvent.MediaFlowing(interaction, leg.id, f.kind(), now);
            case KurentoPort.ElementEvent.NotFlowing n -> new MediaEvent.NoMedia(interaction, leg.id, Duration.ZERO, now);
            case KurentoPort.ElementEvent.IceFailed f -> new MediaEvent.IceFailed(interaction, leg.id, f.detail(), now);
            case KurentoPort.ElementEvent.Error err -> err.description().toUpperCase().contains("DTLS")
                    ? new MediaEvent.DtlsFailed(interaction, leg.id, err.description(), now)
                    : new MediaEvent.IceFailed(interaction, leg.id, "Kurento error: " + err.description(), now);
            case KurentoPort.ElementEvent.EndOfStream eos -> null;
        };
        if (out != null) {
            server.publish(out);
        }
    }

    private void check(String legId, Party party) {
        if (released) {
            throw new MediaException("media session of " + interaction + " was released");
        }
        legs.checkNew(legId, party);
    }

    private KLeg leg(String legId) {
        return legs.get(legId);
    }

    private static List<PayloadType> payloadTypes(String sdp) {
        List<PayloadType> out = new ArrayList<>();
        for (MediaDescription m : SessionDescription.parse(sdp).media()) {
            if (m.port() != 0) {
                for (Codec c : m.codecs()) {
                    out.add(c.toPayloadType());
                }
            }
        }
        return out;
    }
}
