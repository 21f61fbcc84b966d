package org.mvtm.server.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.media.api.LegExistsException;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media session that lives on another node: signalling is forwarded to that node's internal media API, and the
 * browser's or phone's media flows straight to that node's relay. Recording is done by the home node itself.
 */
final class RemoteMediaSession implements MediaSession {
    private final InteractionId interaction;
    private final String home;
    private final String secret;
    private final HttpClient http;
    private final JsonMapper json;

    RemoteMediaSession(InteractionId interaction, String home, String secret, HttpClient http, JsonMapper json) {
        this.interaction = interaction;
        this.home = home;
        this.secret = secret;
        this.http = http;
        this.json = json;
    }

    @Override
    public InteractionId interaction() {
        return interaction;
    }

    private String call(String op, Map<String, Object> body) {
        HttpRequest request = InternalPost.to(home + "/internal/media/" + interaction.value() + "/" + op, secret, json,
                body, Duration.ofSeconds(10));
        try {
            HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 409) {
                throw new LegExistsException("media node " + home + " refused " + op + " for " + interaction + ": "
                        + res.body());
            }
            if (res.statusCode() != 200) {
                throw new MediaException("media node " + home + " refused " + op + " for " + interaction + ": "
                        + res.statusCode() + " " + res.body());
            }
            return res.body();
        } catch (IOException e) {
            throw new MediaException("media node " + home + " unreachable for " + op + " of " + interaction + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while forwarding " + op + " of " + interaction, e);
        }
    }

    @Override
    public String addWebRtcLeg(String legId, Party party, String sdpOffer) {
        return call("webrtc-leg", Map.of("legId", legId, "party", party.name(), "sdp", sdpOffer));
    }

    @Override
    public String addScreenLeg(String legId, Party party, String sdpOffer) {
        return call("screen-leg", Map.of("legId", legId, "party", party.name(), "sdp", sdpOffer));
    }

    @Override
    public void addRemoteCandidate(String legId, String candidateLine) {
        call("candidate", Map.of("legId", legId, "candidate", candidateLine));
    }

    @Override
    public String addRtpLeg(String legId, Party party, String sdpOffer) {
        return call("rtp-leg", Map.of("legId", legId, "party", party.name(), "sdp", sdpOffer));
    }

    @Override
    public String updateRtpLeg(String legId, String sdpOffer) {
        return call("rtp-reoffer", Map.of("legId", legId, "sdp", sdpOffer));
    }

    @Override
    public String createRtpOffer(String legId, Party party) {
        return call("rtp-offer", Map.of("legId", legId, "party", party.name()));
    }

    @Override
    public void applyRtpAnswer(String legId, String sdpAnswer) {
        call("rtp-answer", Map.of("legId", legId, "sdp", sdpAnswer));
    }

    @Override
    public void connect(String legA, String legB) {
        call("connect", Map.of("legA", legA, "legB", legB));
    }

    @Override
    public void startRecording(MediaPacketSink sink) {
        throw new MediaException("interaction " + interaction + " is recorded by its media node " + home);
    }

    @Override
    public void stopRecording() {
        // the home node stops its own tap when the interaction ends
    }

    @Override
    public void playAudio(String legId, Path wavOrRaw, boolean loop) {
        call("play", Map.of("legId", legId, "loop", loop));
    }

    @Override
    public void stopAudio(String legId) {
        call("stop-audio", Map.of("legId", legId));
    }

    @Override
    public void hold(String legId, boolean onHold) {
        call("hold", Map.of("legId", legId, "onHold", onHold));
    }

    @Override
    public void mute(String legId, boolean muted) {
        call("mute", Map.of("legId", legId, "muted", muted));
    }

    @Override
    public void removeLeg(String legId) {
        call("remove-leg", Map.of("legId", legId));
    }

    @Override
    public List<LegInfo> legs() {
        return List.of(); // leg details (addresses, codecs) are the home node's; supervisors read them there
    }

    @Override
    public void release() {
        call("release", Map.of());
    }
}
