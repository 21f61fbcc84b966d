package org.mvtm.web.agent;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.documents.CallDocuments;
import org.mvtm.web.documents.DocumentLibrary;
import org.mvtm.web.documents.SharedDocument;
import org.mvtm.web.documents.Uploads;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.RequestRefused;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The advisor's documents in a call (issue 22), for an interaction connected with the signed-in advisor (403
 * otherwise): {@code GET /api/agent/interactions/{id}/documents} lists the call's documents and the library of its
 * queue and whether the call's recording is open yet (documents wait for it); {@code POST ...?name=} with the file as the body uploads a PDF or image; {@code POST .../library
 * {"file"}} sends a document or form of the library; {@code GET .../{doc}} reads one. Every document added to the
 * call is pushed to the console as {@code {"type": "document", "interactionId", "document"}}.
 */
@RestController
@RequestMapping("/api/agent/interactions/{id}/documents")
class AdvisorDocumentsController {
    private final AdvisorDesks desks;
    private final CallDocuments documents;

    AdvisorDocumentsController(AdvisorDesks desks, CallDocuments documents) {
        this.desks = desks;
        this.documents = documents;
        documents.listen((interaction, document) -> desks.all().forEach(desk -> {
            if (desk.holds(interaction)) {
                desk.send(Map.of("type", "document", "interactionId", interaction.value(), "document", document));
            }
        }));
    }

    record Listing(List<SharedDocument> documents, List<DocumentLibrary.Entry> library, long maxBytes,
                   boolean recorded) {
    }

    record FromLibrary(String file) {
    }

    @GetMapping
    Listing list(@PathVariable String id, Principal principal) {
        InteractionId interaction = connected(id, principal).interaction();
        return new Listing(documents.list(interaction), documents.library(interaction),
                documents.settings().maxBytes(), documents.recorded(interaction));
    }

    @PostMapping
    SharedDocument upload(@PathVariable String id, @RequestParam(required = false) String name,
                          HttpServletRequest request, Principal principal) {
        AdvisorDesks.ConnectedCall mine = connected(id, principal);
        byte[] body = Uploads.read(request, documents.settings().maxBytes());
        return documents.share(mine.interaction(), Party.ADVISOR, mine.advisor().value(), name, body);
    }

    @PostMapping("/library")
    SharedDocument fromLibrary(@PathVariable String id, @RequestBody FromLibrary body, Principal principal) {
        AdvisorDesks.ConnectedCall mine = connected(id, principal);
        if (body == null || body.file() == null || body.file().isBlank()) {
            throw RequestRefused.bad("file", "names the library's document or form to send");
        }
        return documents.sendFromLibrary(mine.interaction(), mine.advisor().value(), body.file());
    }

    @GetMapping("/{document}")
    ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable String document, Principal principal) {
        return documents.inline(connected(id, principal).interaction(), document);
    }

    private AdvisorDesks.ConnectedCall connected(String id, Principal principal) {
        return desks.connectedCall(CurrentUser.require(principal), id);
    }

    @ExceptionHandler(CallRefused.class)
    ResponseEntity<Map<String, String>> notYours(CallRefused e) {
        return new RequestRefused(e.status(), "interaction", e.getMessage()).answer();
    }
}
