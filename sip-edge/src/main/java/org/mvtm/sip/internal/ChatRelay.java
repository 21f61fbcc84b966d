package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.ChatConversations;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP MESSAGE (RFC 3428) as a chat channel: a customer's text/plain MESSAGE becomes
 * {@code ChatMessagePosted(CUSTOMER)} in the customer's conversation; BOT and ADVISOR lines of that conversation
 * go back as MESSAGE to the customer's registered contact (or where their last MESSAGE came from).
 */
final class ChatRelay {
    private static final Logger log = LoggerFactory.getLogger(ChatRelay.class);

    private final SipContext sip;
    private final Clock clock;
    private final EventBus bus;
    private final ChatConversations conversations;
    private final RegistrationStore registrations;
    private final SipCounters counters;
    private final Map<ConversationId, Peer> peers = new ConcurrentHashMap<>();

    private record Peer(String aor, String user, String fallbackTarget) {
    }

    ChatRelay(SipContext sip, Clock clock, EventBus bus, ChatConversations conversations,
              RegistrationStore registrations, SipCounters counters) {
        this.sip = sip;
        this.clock = clock;
        this.bus = bus;
        this.conversations = conversations;
        this.registrations = registrations;
        this.counters = counters;
    }

    /** An authenticated customer's MESSAGE. */
    void message(ServerTransaction st, Request req, String user) {
        ContentTypeHeader ct = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        byte[] body = req.getRawContent();
        if (ct == null || !"text".equalsIgnoreCase(ct.getContentType())
                || !"plain".equalsIgnoreCase(ct.getContentSubType())) {
            sip.respond(st, req, Response.UNSUPPORTED_MEDIA_TYPE, r -> {
                try {
                    r.addHeader(sip.headers.createAcceptHeader("text", "plain"));
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            });
            counters.rejected("415");
            return;
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            sip.respond(st, req, Response.BAD_REQUEST, r -> Registrar.reason(r, "empty message"));
            counters.rejected("400");
            return;
        }
        String aor = Registrar.aor(user, sip.domain);
        ConversationId conversation = conversations.conversationOf(aor);
        peers.put(conversation, new Peer(aor, user, replyTarget(req, user)));
        sip.respond(st, req, Response.OK);
        bus.publishInOrder(conversation, () -> new ChatMessagePosted(clock.instant(), conversation,
                TranscriptTurn.Speaker.CUSTOMER, aor, text));
    }

    /** Where to send replies if the customer has no registration: their Contact, else the request's source. */
    private String replyTarget(Request req, String user) {
        ContactHeader c = (ContactHeader) req.getHeader(ContactHeader.NAME);
        if (c != null && c.getAddress() != null) {
            return Registrar.contactUri(c.getAddress(), SipContext.transportOf(req));
        }
        ViaHeader via = (ViaHeader) req.getHeader(ViaHeader.NAME);
        String host = via.getReceived() != null ? via.getReceived() : via.getHost();
        int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
        SipTransport t = SipContext.transportOf(req);
        return "sip:" + user + "@" + host + ":" + port + (t == SipTransport.UDP ? "" : ";transport=" + t.token());
    }

    /** A line for a conversation; relayed if it is a BOT/ADVISOR line for one of our SIP customers. */
    void posted(ChatMessagePosted e) {
        if (e.speaker() != TranscriptTurn.Speaker.BOT && e.speaker() != TranscriptTurn.Speaker.ADVISOR) {
            return;
        }
        Peer peer = peers.get(e.conversation());
        if (peer == null) {
            return;
        }
        List<Binding> bindings = registrations.bindings(peer.aor(), clock.instant());
        String target = bindings.isEmpty() ? peer.fallbackTarget() : bindings.get(0).contact();
        try {
            URI uri = sip.addresses.createURI(target);
            SipTransport transport = uri instanceof SipURI s && s.getTransportParam() != null
                    ? SipTransport.valueOf(s.getTransportParam().toUpperCase(Locale.ROOT)) : SipTransport.UDP;
            String fromUser = e.speaker() == TranscriptTurn.Speaker.BOT ? ChatMessagePosted.ASSISTANT : "advisor";
            Address fromAddr = sip.addresses.createAddress(sip.addresses.createSipURI(fromUser, sip.domain));
            Request m = sip.messages.createRequest(uri, Request.MESSAGE, sip.provider.getNewCallId(),
                    sip.headers.createCSeqHeader(1L, Request.MESSAGE),
                    sip.headers.createFromHeader(fromAddr, SipContext.newTag()),
                    sip.headers.createToHeader(sip.addresses.createAddress(sip.addresses.createURI(peer.aor())), null),
                    List.of(sip.via(transport)), sip.headers.createMaxForwardsHeader(70));
            ContentTypeHeader type = sip.headers.createContentTypeHeader("text", "plain");
            type.setParameter("charset", "UTF-8");
            m.setContent(e.text().getBytes(StandardCharsets.UTF_8), type);
            sip.provider.getNewClientTransaction(m).sendRequest();
        } catch (Exception ex) {
            log.warn("cannot deliver a {} line of {} to {}: {}", e.speaker(), e.conversation(), target, ex.toString());
            counters.rejected("chat-undeliverable");
        }
    }
}
