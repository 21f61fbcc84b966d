package org.mvtm.web.customer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.socket.JsonSocketHandler;
import org.mvtm.web.socket.MessagePermissions;
import org.mvtm.web.socket.SocketPath;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/customer}: the customer page. Messages in: {@code hello {conversationId?, language}},
 * {@code chat {text}}, {@code person {channel: CHAT|VIDEO|VOICE}}, {@code language {language}},
 * {@code sdp-offer {sdp}}, {@code ice {candidate}}, {@code hangup}, {@code appointment {appointmentId}} (join a booked
 * video appointment, {@link AppointmentJoin}). Out: see {@link CustomerMessages}.
 */
@Component
@SocketPath("/ws/customer")
public class CustomerSocketHandler extends JsonSocketHandler {
    static final MessagePermissions PERMISSIONS = new MessagePermissions("/ws/customer", Map.of(
            "hello", Set.of(WebRole.CUSTOMER),
            "chat", Set.of(WebRole.CUSTOMER),
            "person", Set.of(WebRole.CUSTOMER),
            "language", Set.of(WebRole.CUSTOMER),
            "sdp-offer", Set.of(WebRole.CUSTOMER),
            "ice", Set.of(WebRole.CUSTOMER),
            "hangup", Set.of(WebRole.CUSTOMER),
            "appointment", Set.of(WebRole.CUSTOMER)));

    private final WebConversations conversations;
    private final CustomerPeers peers;
    private final CustomerChannel channel;
    private final AppointmentJoin appointments;

    public CustomerSocketHandler(JsonMapper json, WebConversations conversations, CustomerPeers peers,
                                 CustomerChannel channel, AppointmentJoin appointments) {
        super(PERMISSIONS, json);
        this.conversations = conversations;
        this.peers = peers;
        this.channel = channel;
        this.appointments = appointments;
    }

    @Override
    protected void opened(SocketPeer peer) {
        // the page says hello with its stored conversation id (if any)
    }

    @Override
    protected void received(SocketPeer peer, String type, JsonNode message) {
        if (type.equals("hello")) {
            hello(peer, message);
            return;
        }
        Optional<WebConversation> current = peers.conversationOf(peer).flatMap(conversations::find);
        if (current.isEmpty()) {
            // ended (or never started): the page offers a new conversation instead of showing an internal error
            peer.send(new ErrorMessage("no-conversation", "this conversation has ended: say hello to start a new one"));
            return;
        }
        WebConversation conversation = current.get();
        switch (type) {
            case "chat" -> channel.say(conversation, message.path("text").asString(""));
            case "person" -> channel.askForPerson(conversation, channelOf(message.path("channel").asString("CHAT")));
            case "language" -> channel.changeLanguage(conversation, Language.fromTag(requireText(message, "language")));
            case "sdp-offer" -> {
                BrowserCallLegs.Answer answer = channel.media(conversation, requireText(message, "sdp"));
                peer.send(new CustomerMessages.SdpAnswer(answer.sdp()));
            }
            case "ice" -> channel.candidate(conversation, message.path("candidate").asString(""));
            case "hangup" -> channel.leave(conversation);
            case "appointment" -> appointments.join(conversation, requireText(message, "appointmentId"));
            default -> throw new IllegalArgumentException("unhandled message type " + type);
        }
    }

    private void hello(SocketPeer peer, JsonNode message) {
        Language language = Language.fromTag(message.path("language").asString(peer.user().preferredLanguage().tag()));
        Optional<WebConversation> resumed = conversations.resume(peer.user(), message.path("conversationId").asString(""));
        WebConversation conversation = resumed.orElseGet(() -> channel.open(peer.user(), language));
        peers.join(peer, conversation.id());
        peer.send(CustomerMessages.Welcome.of(conversation, resumed.isPresent()));
        if (resumed.isEmpty()) {
            channel.greet(conversation);
        } else {
            channel.resumed(conversation);
        }
    }

    private static Channel channelOf(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel must be CHAT, VIDEO or VOICE but was '" + name + "'");
        }
    }

    @Override
    protected void closed(SocketPeer peer) {
        peers.leave(peer);
    }
}
