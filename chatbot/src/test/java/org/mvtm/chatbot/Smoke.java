package org.mvtm.chatbot;

import java.time.Clock;
import java.util.Optional;
import org.mvtm.chatbot.api.*;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.ConversationId;

public final class Smoke {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        try (Assistant as = Assistants.create(AssistantConfig.defaults(), Clock.systemUTC(), new InProcessEventBus())) {
            System.out.println("startup ms " + (System.nanoTime() - t0) / 1e6 + " " + as.knowledgeBase());
            for (String q : a) {
                long t1 = System.nanoTime();
                var r = as.reply(ConversationId.random(), q);
                System.out.printf("%s -> %s %s %.2f %s (%.1f ms) %s%n", q, r.kind(), r.language(), r.confidence(), r.faqIds(), (System.nanoTime() - t1) / 1e6, as.search(q, 3));
            }
        }
        System.exit(0);
    }
}
