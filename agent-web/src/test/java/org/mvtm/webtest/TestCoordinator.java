package org.mvtm.webtest;

import java.time.Clock;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;

/** The part of the server's JourneyCoordinator the web tier relies on: customer lines go to the bot while it has them. */
final class TestCoordinator {
    TestCoordinator(Clock clock, EventBus events, Assistant assistant) {
        events.subscribe(ChatMessagePosted.class, e -> {
            if (e.speaker() == TranscriptTurn.Speaker.CUSTOMER && !assistant.handedOff(e.conversation())) {
                BotReply reply = assistant.reply(e.conversation(), e.text());
                if (reply.kind() != ReplyKind.SILENT && reply.kind() != ReplyKind.HANDOFF) {
                    events.publish(new ChatMessagePosted(clock.instant(), e.conversation(), TranscriptTurn.Speaker.BOT, "bot", reply.text()));
                }
            }
        });
    }
}
