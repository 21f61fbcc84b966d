package org.mvtm.web.customer;

import java.security.Principal;
import java.util.Optional;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/customer/conversations/{id}/callback {number?}}: a waiting customer asks to be called back
 * ({@link WebCallbacks}); without a number on their open page, with one at that E.164 number or SIP URI. A bad number
 * answers 400 {@code {"field": "number", "message": ...}}; a conversation that is not waiting answers 409.
 */
@RestController
class CustomerCallbackController {
    private final WebConversations conversations;
    private final WebCallbacks callbacks;

    CustomerCallbackController(WebConversations conversations, WebCallbacks callbacks) {
        this.conversations = conversations;
        this.callbacks = callbacks;
    }

    record Request(String number) {
    }

    @PostMapping("/api/customer/conversations/{id}/callback")
    ResponseEntity<?> callback(Principal principal, @PathVariable String id, @RequestBody(required = false) Request body) {
        WebUser customer = CurrentUser.require(principal);
        Optional<WebConversation> conversation = conversations.resume(customer, id);
        if (conversation.isEmpty()) {
            return ErrorAnswer.naming(HttpStatus.NOT_FOUND, "id", "no open conversation " + id + " of yours");
        }
        try {
            return ResponseEntity.ok(callbacks.request(conversation.get(),
                    Optional.ofNullable(body).map(Request::number)));
        } catch (IllegalArgumentException badNumber) {
            return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, "number", badNumber.getMessage());
        } catch (IllegalStateException notWaiting) {
            return ErrorAnswer.naming(HttpStatus.CONFLICT, "id", notWaiting.getMessage());
        }
    }
}
