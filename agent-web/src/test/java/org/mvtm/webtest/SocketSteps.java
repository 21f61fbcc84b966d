package org.mvtm.webtest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.mvtm.core.id.ConversationId;
import org.mvtm.web.customer.CustomerPeers;

/**
 * The socket steps most web scenarios take before what they test, written once: the customer's page greets in a
 * language, asks for a person and leaves or is closed; the advisor's console opens on its desk, goes Ready and accepts an offer. Each step
 * waits for the message a user would see next (messages on the way are passed over, as
 * {@link Browserless.Socket#next} does) and answers it.
 */
final class SocketSteps {
    private SocketSteps() {
    }

    /** The customer's page says hello in {@code language}; the welcome (it carries the conversation's id). */
    static String hello(Browserless.Socket page, String language) throws InterruptedException {
        page.send("{\"type\":\"hello\",\"language\":\"" + language + "\"}");
        return page.next("\"welcome\"");
    }

    /**
     * The customer's page, opened again, says hello in {@code language} with the id of the conversation it had; the
     * welcome (it says whether the conversation was resumed, and its status and transcript).
     */
    static String resume(Browserless.Socket page, String language, String conversationId) throws InterruptedException {
        page.send("{\"type\":\"hello\",\"language\":\"" + language + "\",\"conversationId\":\"" + conversationId
                + "\"}");
        return page.next("\"welcome\"");
    }

    /** The customer's page opened and greeted in {@code language}. */
    static Browserless.Socket greetedPage(Browserless customer, String language) throws InterruptedException {
        Browserless.Socket page = customer.socket("/ws/customer");
        hello(page, language);
        return page;
    }

    /** The customer asks for a person on {@code channel} (CHAT, VOICE, VIDEO); the QUEUED message (the interaction's id). */
    static String askForPerson(Browserless.Socket page, String channel) throws InterruptedException {
        page.send("{\"type\":\"person\",\"channel\":\"" + channel + "\"}");
        return page.next("\"QUEUED\"");
    }

    /** A customer's page waiting in the queue, with its conversation's and interaction's ids. */
    record Queued(Browserless.Socket page, String conversationId, String interactionId) {
    }

    /** The customer's page opens, greets in {@code language} and asks for a person on {@code channel}. */
    static Queued queuedPage(Browserless customer, String language, String channel) throws InterruptedException {
        Browserless.Socket page = customer.socket("/ws/customer");
        String conversationId = JsonFields.field(hello(page, language), "conversationId");
        String interactionId = JsonFields.field(askForPerson(page, channel), "interactionId");
        return new Queued(page, conversationId, interactionId);
    }

    /** The customer hangs up on their page (leaving the queue or the call) and the page shows it ended. */
    static void leave(Browserless.Socket page) throws InterruptedException {
        page.send("{\"type\":\"hangup\"}");
        page.next("\"ENDED\"");
    }

    /**
     * The customer closes their page (without hanging up) and the server has noticed: from here the grace period of a
     * closed page runs.
     */
    static void closePage(Browserless.Socket page, ConversationId conversation, CustomerPeers peers) {
        page.close();
        await("the server sees the page close").atMost(Duration.ofSeconds(30)).until(() -> !peers.connected(conversation));
    }

    /** The advisor's console opened on its desk. */
    static Browserless.Socket console(Browserless advisor) throws InterruptedException {
        Browserless.Socket console = advisor.socket("/ws/agent");
        console.next("\"desk\"");
        return console;
    }

    /** The advisor's console shows its desk and asks for Ready; the caller waits for what follows (Ready, an offer). */
    static void goReady(Browserless.Socket console) throws InterruptedException {
        console.next("\"desk\"");
        console.send("{\"type\":\"presence\",\"state\":\"READY\"}");
    }

    /** The advisor's console goes Ready and the server says it is. */
    static void ready(Browserless.Socket console) throws InterruptedException {
        goReady(console);
        console.next("\"state\":\"READY\"");
    }

    /**
     * The advisor steps away at the end of a test: Not ready (the server said so), then the console closes, so that
     * the next test class sharing this server offers its customers to its own advisors only.
     */
    static void stepAway(Browserless.Socket console) throws InterruptedException {
        console.send("{\"type\":\"presence\",\"state\":\"NOT_READY\",\"reason\":\"break\"}");
        console.next("\"state\":\"NOT_READY\"");
        console.close();
    }

    /** The advisor's console opened and Ready (the server said so). */
    static Browserless.Socket readyConsole(Browserless advisor) throws InterruptedException {
        Browserless.Socket console = advisor.socket("/ws/agent");
        ready(console);
        return console;
    }

    /** The advisor accepts the offer of {@code interaction}; the connected message. */
    static String accept(Browserless.Socket console, String interaction) throws InterruptedException {
        console.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
        return console.next("\"connected\"");
    }

    /** The advisor hangs up {@code interaction}; the caller waits for what follows (the end, the wrap-up). */
    static void hangUp(Browserless.Socket console, String interaction) {
        console.send("{\"type\":\"hangup\",\"interactionId\":\"" + interaction + "\"}");
    }

    /** The advisor's console goes Ready, is offered a customer and accepts {@code interaction}; the offer. */
    static String acceptWhenOffered(Browserless.Socket console, String interaction) throws InterruptedException {
        goReady(console);
        String offer = console.next("\"offer\"");
        accept(console, interaction);
        return offer;
    }
}
