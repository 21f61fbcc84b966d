package org.mvtm.chatbot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dialogue test class that talks to the run's one {@link SharedAssistant} ({@code bot}, set before the class's
 * tests run). Its tests keep to their own conversations.
 */
@ExtendWith(SharedAssistant.PerRun.class)
abstract class OnTheSharedAssistant {
    static SharedAssistant bot;

    @BeforeAll
    static void useTheSharedAssistant(SharedAssistant shared) {
        bot = shared;
    }
}
