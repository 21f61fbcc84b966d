package org.mvtm.web.customer;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.documents.CallDocuments;
import org.mvtm.web.documents.SharedDocument;
import org.mvtm.web.documents.SignedForm;
import org.mvtm.web.documents.Uploads;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's documents in a call (issue 22), for the customer page and a bank's app, on any channel connected
 * with an advisor (a voice call too): {@code GET /api/customer/conversations/{id}/documents} lists what the call
 * holds; {@code GET .../{doc}} reads one (a form: its template); {@code POST ...?name=} with the file as the body
 * sends a photo or PDF back; {@code POST .../{form}/signature {"fields": {...}, "signature": "data:image/png;base64,..."}}
 * signs a form. 404 for another's conversation, 409 when no advisor is connected. Every document added to the call
 * is pushed to the page as {@code {"type": "document", "document"}}.
 */
@RestController
@RequestMapping("/api/customer/conversations/{id}/documents")
class CustomerDocumentsController {
    private final WebConversations conversations;
    private final CallDocuments documents;

    CustomerDocumentsController(WebConversations conversations, CustomerPeers peers, CallDocuments documents) {
        this.conversations = conversations;
        this.documents = documents;
        documents.listen((interaction, document) -> conversations.byInteraction(interaction)
                .ifPresent(c -> peers.send(c.id(), Map.of("type", "document", "document", document))));
    }

    record Listing(List<SharedDocument> documents, long maxBytes, boolean recorded) {
    }

    record Signature(Map<String, String> fields, String signature) {
    }

    @GetMapping
    Listing list(@PathVariable String id, Principal principal) {
        InteractionId interaction = connected(id, principal);
        return new Listing(documents.list(interaction), documents.settings().maxBytes(), documents.recorded(interaction));
    }

    @PostMapping
    SharedDocument upload(@PathVariable String id, @RequestParam(required = false) String name,
                          HttpServletRequest request, Principal principal) {
        InteractionId interaction = connected(id, principal);
        byte[] body = Uploads.read(request, documents.settings().maxBytes());
        return documents.share(interaction, Party.CUSTOMER, CurrentUser.require(principal).username(), name, body);
    }

    @GetMapping("/{document}")
    ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable String document, Principal principal) {
        return documents.inline(connected(id, principal), document);
    }

    @PostMapping("/{form}/signature")
    SharedDocument sign(@PathVariable String id, @PathVariable String form, @RequestBody Signature body,
                        Principal principal) {
        WebUser customer = CurrentUser.of(principal).filter(u -> u.roles().contains(WebRole.CUSTOMER))
                .orElseThrow(() -> new RequestRefused(HttpStatus.UNAUTHORIZED, "customer",
                        "a form is signed only by the customer signed in"));
        InteractionId interaction = connected(id, principal);
        if (body == null) {
            throw RequestRefused.bad("signature", "a drawn signature (PNG) is required");
        }
        String how = principal instanceof Authentication a && a.getCredentials() instanceof Jwt jwt
                ? "bank token " + jwt.getIssuer() + " " + jwt.getSubject() : "password sign-in";
        return documents.sign(interaction, form, new SignedForm.Signer(customer.username(), customer.displayName(), how),
                body.fields(), body.signature());
    }

    private InteractionId connected(String id, Principal principal) {
        return conversations.connectedCall(CurrentUser.require(principal), id,
                "documents are passed only with an advisor connected");
    }

    @ExceptionHandler(CallRefused.class)
    ResponseEntity<Map<String, String>> noCall(CallRefused e) {
        return new RequestRefused(e.status(), "conversation", e.getMessage()).answer();
    }
}
