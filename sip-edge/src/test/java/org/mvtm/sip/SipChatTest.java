package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.SipPeer;

/** SIP MESSAGE joins the same chat path as web chat: customer lines out on the bus, bot/advisor lines back. */
class SipChatTest {
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1")));

    /** {@code bob} writes {@code text} to the cards queue in a MESSAGE of its own: the edge's final response. */
    private static String message(SipPeer bob, String callId, String contentType, String text) {
        bob.raw.send(bob.request("MESSAGE", "sip:cards@bank.example", callId, "t-" + callId, "<sip:cards@bank.example>",
                1, Map.of(), contentType, text));
        return bob.raw.finalResponse(3000).orElseThrow();
    }

    /** The first chat line the edge published. */
    private ChatMessagePosted firstLine() {
        await().until(() -> !f.events(ChatMessagePosted.class).isEmpty());
        return f.events(ChatMessagePosted.class).get(0);
    }

    @Test
    void customerMessageBecomesAChatTurnAndTheBotReplyComesBackAsMessage() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            assertThat(RawSip.status(message(bob, "m1", "text/plain;charset=UTF-8", "我想查詢信用卡年費"))).isEqualTo(200);
            ChatMessagePosted line = firstLine();
            assertThat(line.speaker()).isEqualTo(TranscriptTurn.Speaker.CUSTOMER);
            assertThat(line.text()).isEqualTo("我想查詢信用卡年費");
            assertThat(line.senderId()).isEqualTo("sip:bob@bank.example");

            f.bus.publish(new ChatMessagePosted(Instant.now(), line.conversation(), TranscriptTurn.Speaker.BOT,
                    ChatMessagePosted.ASSISTANT, "年費為港幣1,800元。"));
            String reply = bob.nextRequest(3000).orElseThrow();
            assertThat(reply).startsWith("MESSAGE sip:bob@127.0.0.1:" + bob.raw.localPort());
            assertThat(RawSip.body(reply)).isEqualTo("年費為港幣1,800元。");
            bob.raw.send(bob.response(reply, 200, "OK", "bt", null));

            // a second customer line stays in the same conversation
            assertThat(RawSip.status(message(bob, "m2", "text/plain", "talk to a person"))).isEqualTo(200);
            await().until(() -> f.events(ChatMessagePosted.class).stream()
                    .filter(e -> e.speaker() == TranscriptTurn.Speaker.CUSTOMER).count() == 2);
            assertThat(f.events(ChatMessagePosted.class).stream()
                    .filter(e -> e.speaker() == TranscriptTurn.Speaker.CUSTOMER).map(ChatMessagePosted::conversation)
                    .distinct()).hasSize(1);
        }
    }

    @Test
    void customerLinesAreNotEchoedBackAndOtherConversationsAreNotDelivered() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            assertThat(RawSip.status(message(bob, "m3", "text/plain", "hello"))).isEqualTo(200);
            ChatMessagePosted line = firstLine();
            f.bus.publish(new ChatMessagePosted(Instant.now(), org.mvtm.core.id.ConversationId.of("someone-else"),
                    TranscriptTurn.Speaker.ADVISOR, "anna", "not for bob"));
            f.bus.publish(new ChatMessagePosted(Instant.now(), line.conversation(), TranscriptTurn.Speaker.ADVISOR,
                    "anna", "Hi Bob, Anna here."));
            String reply = bob.nextRequest(3000).orElseThrow();
            assertThat(RawSip.body(reply)).isEqualTo("Hi Bob, Anna here.");
        }
    }

    @Test
    void nonTextMessageIsRefusedWith415() {
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            String answer = message(bob, "m4", "application/octet-stream", "xx");
            assertThat(RawSip.status(answer)).isEqualTo(415);
            assertThat(RawSip.header(answer, "Accept")).contains("text/plain");
        }
    }
}
