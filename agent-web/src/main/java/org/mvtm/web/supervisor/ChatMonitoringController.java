package org.mvtm.web.supervisor;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live chats for supervisors ({@link ChatMonitoring}): {@code GET /api/supervisor/chats/{interactionId}} is the chat
 * so far; {@code POST /api/supervisor/chats/{interactionId}/notes} {@code {"text"}} sends the advisor a private note;
 * {@code GET /api/agent/supervisor-notes} is what the advisor's console collects (each note once).
 */
@RestController
class ChatMonitoringController {
    private final ChatMonitoring chats;

    ChatMonitoringController(ChatMonitoring chats) {
        this.chats = chats;
    }

    record NoteText(String text) {
    }

    @GetMapping("/api/supervisor/chats/{interactionId}")
    List<ChatMonitoring.Line> read(@PathVariable String interactionId, Principal principal) {
        return chats.read(CurrentUser.require(principal), CallRefused.interaction(interactionId));
    }

    @PostMapping("/api/supervisor/chats/{interactionId}/notes")
    ResponseEntity<Void> note(@PathVariable String interactionId, @RequestBody NoteText body, Principal principal) {
        chats.note(CurrentUser.require(principal), CallRefused.interaction(interactionId), body.text());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/agent/supervisor-notes")
    List<ChatMonitoring.Note> notes(Principal principal) {
        return CurrentUser.require(principal).agentId().map(chats::take).orElse(List.of());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, "text", e.getMessage());
    }
}
