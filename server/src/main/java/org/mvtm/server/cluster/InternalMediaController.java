package org.mvtm.server.cluster;

import java.util.Map;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.LegExistsException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Node-to-node media signalling: another node of the cluster forwards a leg of an interaction whose session lives
 * here. Only callers that present the cluster secret are served; nothing here is reachable from browsers.
 */
@RestController
@RequestMapping("/internal/media/{interaction}")
class InternalMediaController {
    static final String SECRET_HEADER = "X-Mvtm-Cluster-Secret";

    private final MediaServer media;
    private final ClusterSettings settings;

    InternalMediaController(@Qualifier("localMediaServer") MediaServer media, ClusterSettings settings) {
        this.media = media;
        this.settings = settings;
    }

    @PostMapping("/{op}")
    ResponseEntity<String> handle(@PathVariable String interaction, @PathVariable String op,
                                  @RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                  @RequestBody Map<String, Object> body) {
        if (!settings.admits(secret)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("cluster secret required");
        }
        InteractionId id = InteractionId.of(interaction);
        MediaSession s = media.session(id);
        String result = switch (op) {
            case "webrtc-leg" -> s.addWebRtcLeg(str(body, "legId"), party(body), str(body, "sdp"));
            case "screen-leg" -> s.addScreenLeg(str(body, "legId"), party(body), str(body, "sdp"));
            case "candidate" -> {
                s.addRemoteCandidate(str(body, "legId"), str(body, "candidate"));
                yield "";
            }
            case "rtp-leg" -> s.addRtpLeg(str(body, "legId"), party(body), str(body, "sdp"));
            case "rtp-reoffer" -> s.updateRtpLeg(str(body, "legId"), str(body, "sdp"));
            case "rtp-offer" -> s.createRtpOffer(str(body, "legId"), party(body));
            case "rtp-answer" -> {
                s.applyRtpAnswer(str(body, "legId"), str(body, "sdp"));
                yield "";
            }
            case "connect" -> {
                s.connect(str(body, "legA"), str(body, "legB"));
                yield "";
            }
            case "play" -> {
                s.playAudio(str(body, "legId"), settings.queueMusic(), Boolean.TRUE.equals(body.get("loop")));
                yield "";
            }
            case "stop-audio" -> {
                s.stopAudio(str(body, "legId"));
                yield "";
            }
            case "hold" -> {
                s.hold(str(body, "legId"), Boolean.TRUE.equals(body.get("onHold")));
                yield "";
            }
            case "mute" -> {
                s.mute(str(body, "legId"), Boolean.TRUE.equals(body.get("muted")));
                yield "";
            }
            case "remove-leg" -> {
                s.removeLeg(str(body, "legId"));
                yield "";
            }
            case "release" -> {
                s.release();
                yield "";
            }
            default -> throw new IllegalArgumentException("unknown media operation '" + op + "'");
        };
        return ResponseEntity.ok(result);
    }

    private static String str(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return s;
    }

    /** The party as the calling node sends it: the enum's name ("CUSTOMER"); an unknown one is a 400 naming it. */
    private static Party party(Map<String, Object> body) {
        return Party.named(str(body, "party"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(e.getMessage());
    }

    /** A leg id taken in the call (another offer's leg): 409, so the calling node can tell it from a failure. */
    @ExceptionHandler(LegExistsException.class)
    ResponseEntity<String> taken(LegExistsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(e.getMessage());
    }
}
