package org.mvtm.web.customer;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.BadField;
import org.mvtm.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer chat over plain HTTP, for a bank's app that does not keep a WebSocket open: the same conversations,
 * assistant and routing as {@code /ws/customer} ({@link CustomerSocketHandler}), so a conversation started here can
 * be continued on the socket and the other way round. New lines are fetched by long-polling
 * {@code GET .../messages?after=N&waitSeconds=W}. A message carries an optional {@code messageId}; a retried POST
 * with the same id is accepted again without saying the line twice.
 */
@RestController
@RequestMapping("/api/customer/conversations")
class CustomerChatController {
    static final int MAX_TEXT = 20_000;
    static final int MAX_WAIT_SECONDS = 25;

    private final WebConversations conversations;
    private final CustomerChannel channel;
    private final RoutingEngine routing;
    private final CustomerPeers peers;

    CustomerChatController(WebConversations conversations, CustomerChannel channel, RoutingEngine routing,
                           CustomerPeers peers) {
        this.conversations = conversations;
        this.channel = channel;
        this.routing = routing;
        this.peers = peers;
    }

    record Start(String language) {
    }

    record Say(String text, String messageId) {
    }

    record Person(String channel) {
    }

    record Line(int index, String speaker, String text, Instant at) {
    }

    record Lines(String conversationId, String status, List<Line> lines, int next) {
    }

    record Accepted(String conversationId, int after, boolean duplicate) {
    }

    record Status(String conversationId, String status, String channel, String language, String interactionId,
                  int position, int waiting, long estimatedWaitSeconds, String advisorName) {
    }

    /** Opens a conversation; the assistant's greeting follows as the first BOT line. */
    @PostMapping
    ResponseEntity<Status> start(@RequestBody(required = false) Start start, Principal principal) {
        WebUser user = CurrentUser.require(principal);
        Language language = start == null || start.language() == null || start.language().isBlank()
                ? user.preferredLanguage() : language(start.language());
        WebConversation conversation = channel.open(user, language);
        peers.heardOverHttp(conversation.id());
        channel.greet(conversation);
        return ResponseEntity.status(HttpStatus.CREATED).body(status(conversation));
    }

    private static Language language(String tag) {
        try {
            return Language.fromTag(tag);
        } catch (IllegalArgumentException e) {
            throw new BadField("language", e.getMessage());
        }
    }

    @GetMapping("/{id}")
    Status get(@PathVariable String id, Principal principal) {
        return status(own(id, principal));
    }

    /** The customer's line. 202: the bot or advisor answers in the transcript. */
    @PostMapping("/{id}/messages")
    ResponseEntity<Accepted> say(@PathVariable String id, @RequestBody Say say, Principal principal) {
        WebConversation conversation = own(id, principal);
        if (say == null || say.text() == null || say.text().isBlank()) {
            throw new BadField("text", "text is required and must not be blank");
        }
        if (say.text().length() > MAX_TEXT) {
            throw new MessageTooLongException("text has " + say.text().length() + " characters; at most " + MAX_TEXT
                    + " are accepted");
        }
        if (say.messageId() != null && !say.messageId().isBlank()) {
            if (say.messageId().length() > 100) {
                throw new BadField("messageId", "messageId must be at most 100 characters");
            }
            WebConversation.MessageTaken taken = conversation.take(say.messageId());
            if (!taken.duplicate()) {
                channel.say(conversation, say.text());
            }
            return ResponseEntity.accepted().body(new Accepted(conversation.id().value(), taken.before(),
                    taken.duplicate()));
        }
        int before = conversation.transcript().size();
        channel.say(conversation, say.text());
        return ResponseEntity.accepted().body(new Accepted(conversation.id().value(), before, false));
    }

    /** Transcript lines from index {@code after} on; waits up to {@code waitSeconds} when there are none yet. */
    @GetMapping("/{id}/messages")
    Lines lines(@PathVariable String id, @RequestParam(defaultValue = "0") int after,
                @RequestParam(defaultValue = "0") int waitSeconds, Principal principal) throws InterruptedException {
        WebConversation conversation = own(id, principal);
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new BadField("waitSeconds", "waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
        }
        List<TranscriptTurn> turns;
        try {
            turns = conversation.linesFrom(after, Duration.ofSeconds(waitSeconds));
        } catch (IllegalArgumentException e) {
            throw new BadField("after", e.getMessage()); // beyond the transcript
        }
        peers.heardOverHttp(conversation.id()); // still there at the end of the long poll
        List<Line> lines = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            TranscriptTurn t = turns.get(i);
            lines.add(new Line(after + i, t.speaker().name(), t.text(), t.at()));
        }
        return new Lines(conversation.id().value(), conversation.status().name(), lines, after + turns.size());
    }

    /** "Talk to a person": CHAT (default), VIDEO or VOICE. The conversation is queued once, however often asked. */
    @PostMapping("/{id}/person")
    ResponseEntity<Status> person(@PathVariable String id, @RequestBody(required = false) Person person,
                                  Principal principal) {
        WebConversation conversation = own(id, principal);
        String name = person == null || person.channel() == null ? "CHAT" : person.channel();
        Channel requested;
        try {
            requested = Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadField("channel", "channel must be CHAT, VIDEO or VOICE but was '" + name + "'");
        }
        channel.askForPerson(conversation, requested);
        return ResponseEntity.accepted().body(status(conversation));
    }

    /** The customer leaves: a queued request is abandoned, a connected one completed. */
    @DeleteMapping("/{id}")
    Status leave(@PathVariable String id, Principal principal) {
        WebConversation conversation = own(id, principal);
        channel.leave(conversation);
        return status(conversation);
    }

    /**
     * The caller's open conversation; every request counts as the client being there: one that stops asking is gone
     * after the customer grace period, as a closed page is ({@link CustomerChannel#leaveClosedPages}).
     */
    private WebConversation own(String id, Principal principal) {
        WebConversation conversation = conversations.resume(CurrentUser.require(principal), id)
                .orElseThrow(() -> new ConversationNotFoundException("no open conversation " + id + " of yours"));
        peers.heardOverHttp(conversation.id());
        return conversation;
    }

    private Status status(WebConversation c) {
        Optional<QueuePosition> position = c.status() == ConversationStatus.QUEUED
                ? c.interaction().flatMap(routing::position) : Optional.empty();
        return new Status(c.id().value(), c.status().name(), c.channel().name(), c.language().tag(),
                c.interaction().map(Object::toString).orElse(""), position.map(QueuePosition::position).orElse(0),
                position.map(QueuePosition::waiting).orElse(0),
                position.flatMap(p -> p.estimatedWait()).map(Duration::toSeconds).orElse(-1L), c.advisorName());
    }

    static final class ConversationNotFoundException extends RuntimeException {
        ConversationNotFoundException(String message) {
            super(message);
        }
    }

    static final class MessageTooLongException extends RuntimeException {
        MessageTooLongException(String message) {
            super(message);
        }
    }
}
