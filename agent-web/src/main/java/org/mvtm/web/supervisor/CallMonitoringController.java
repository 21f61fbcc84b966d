package org.mvtm.web.supervisor;

import java.security.Principal;
import java.util.Map;
import org.mvtm.media.api.MediaException;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live call monitoring for supervisors: {@code POST /api/supervisor/monitor/{interactionId}} with
 * {@code {"mode": "LISTEN|WHISPER|BARGE", "sdp": offer}} answers {@code {"legId", "sdp"}} (ICE-lite, no trickle);
 * {@code PUT} with {@code {"mode"}} switches mode; {@code DELETE} stops. 403 outside the supervisor's regions, 404
 * for no connected call, 409 when the call's media cannot be mixed (Opus legs without libopus).
 */
@RestController
@RequestMapping("/api/supervisor/monitor")
class CallMonitoringController {
    private final CallMonitoring monitoring;

    CallMonitoringController(CallMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    record Start(String mode, String sdp) {
    }

    record Change(String mode) {
    }

    @PostMapping("/{interactionId}")
    Map<String, String> start(@PathVariable String interactionId, @RequestBody Start body, Principal principal) {
        BrowserCallLegs.Answer answer = monitoring.start(CurrentUser.require(principal),
                CallRefused.interaction(interactionId), CallMonitoring.mode(body.mode()), body.sdp());
        return Map.of("legId", answer.legId(), "sdp", answer.sdp(), "mode", CallMonitoring.mode(body.mode()).name());
    }

    @PutMapping("/{interactionId}")
    Map<String, String> change(@PathVariable String interactionId, @RequestBody Change body, Principal principal) {
        monitoring.change(CurrentUser.require(principal), CallRefused.interaction(interactionId),
                CallMonitoring.mode(body.mode()));
        return Map.of("mode", CallMonitoring.mode(body.mode()).name());
    }

    @DeleteMapping("/{interactionId}")
    ResponseEntity<Void> stop(@PathVariable String interactionId, Principal principal) {
        monitoring.stop(CurrentUser.require(principal), CallRefused.interaction(interactionId));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CallMonitoring.BadMode.class)
    ResponseEntity<Map<String, String>> badMode(CallMonitoring.BadMode e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, "mode", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badSdp(IllegalArgumentException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, "sdp", e.getMessage());
    }

    @ExceptionHandler(MediaException.class)
    ResponseEntity<Map<String, String>> media(MediaException e) {
        return ErrorAnswer.media(e.getMessage());
    }
}
