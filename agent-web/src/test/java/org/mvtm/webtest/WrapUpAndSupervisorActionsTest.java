package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.JsonFields.field;
import static org.mvtm.webtest.Refusal.assertRefused;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AuditEntry;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 items 6 and 7 over HTTP and the consoles' sockets. Item 6: the wrap-up offers the codes of the
 * interaction's queue as the administrator configured them, and a queue that requires its wrap-up keeps the advisor
 * from Ready until a code of that queue and notes are given, each refusal naming the field.
 * Item 7: a supervisor sees and acts on the advisors and waiting
 * customers of their regions only (403 naming the field outside them), forces an advisor Not ready or logs them out
 * with a reason (audited; an advisor in a conversation is told and set Not ready when it ends), moves a waiting
 * customer to another queue (audited), and sees each advisor's current interactions on the board.
 */
// a context of their own (the property only tells it apart): who is Ready and who waits is theirs alone
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mvtm.test.floor=advisor-day")
class WrapUpAndSupervisorActionsTest {
    @LocalServerPort
    int port;
    @Autowired
    RoutingEngine routing;
    @Autowired
    AdministrationService admin;
    @Autowired
    EventBus events;


    /** Chan's customer page, open and greeted in Cantonese. */
    private Browserless.Socket chanPage() throws Exception {
        return opened(SocketSteps.greetedPage(Browserless.signedIn(port, "chan"), "yue"));
    }

    /** Ada's advisor console, open. */
    private Browserless.Socket adaConsole() {
        return opened(Browserless.signedIn(port, "ada").socket("/ws/agent"));
    }

    /** Chan's page and Ada's console, closed after each test even when it fails half-way. */
    private final List<Browserless.Socket> open = new ArrayList<>();

    private Browserless.Socket opened(Browserless.Socket socket) {
        open.add(socket);
        return socket;
    }

    /** The advisor wraps {@code interaction} up with {@code code} and {@code notes}. */
    private static void wrapUp(Browserless.Socket console, String interaction, String code, String notes) {
        console.send("{\"type\":\"wrapup\",\"interactionId\":\"" + interaction + "\",\"code\":\"" + code
                + "\",\"notes\":\"" + notes + "\"}");
    }

    /** The customer asks for a person on chat; the queued interaction's id. */
    private static String askForPerson(Browserless.Socket page) throws Exception {
        return field(SocketSteps.askForPerson(page, "CHAT"), "interactionId");
    }

    private Optional<AuditEntry> audited(String action, String entityId) {
        return admin.audit(Optional.empty(), 50).stream()
                .filter(e -> e.action().equals(action) && e.entityId().equals(entityId)).findFirst();
    }

    @Test
    void aShenzhenSupervisorCannotActOnHongKongAndAHongKongSupervisorMovesForcesAndSeesCurrentWork() throws Exception {
        Browserless.Socket chan = chanPage();
        String interaction = askForPerson(chan);
        String queue = routing.interaction(InteractionId.of(interaction)).orElseThrow().queue().value();
        String other = queue.equals("general") ? "cards" : "general";

        // Sue supervises Shenzhen only: Hong Kong's advisor and customer are neither shown nor hers to act on
        Browserless sue = Browserless.signedIn(port, "sue");
        String sueBoard = sue.get("/api/supervisor/snapshot").body();
        assertThat(sueBoard).contains("agent-bo").doesNotContain("agent-ada").doesNotContain(interaction);
        HttpResponse<String> forceHk = sue.send("POST", "/api/supervisor/advisors/agent-ada/state",
                "{\"state\":\"NOT_READY\",\"reason\":\"meeting\"}");
        assertRefused(forceHk, 403, "agentId").contains("HK");
        HttpResponse<String> moveHk = sue.send("POST", "/api/supervisor/interactions/" + interaction + "/queue",
                "{\"queue\":\"" + other + "\"}");
        assertRefused(moveHk, 403, "interactionId");
        assertThat(sue.get("/api/supervisor/explanations/" + interaction).statusCode()).isEqualTo(403);
        assertThat(routing.interaction(InteractionId.of(interaction)).orElseThrow().queue().value()).isEqualTo(queue);
        assertThat(audited("move-queue", interaction)).isEmpty();

        // Sam (Hong Kong and Shenzhen) sees the waiting customer and moves them to another queue
        Browserless sam = Browserless.signedIn(port, "sam");
        assertThat(sam.get("/api/supervisor/waiting").body()).contains(interaction).contains("Chan Tai Man");
        assertThat(sam.send("POST", "/api/supervisor/interactions/" + interaction + "/queue", "{\"queue\":\"nowhere\"}").body())
                .contains("\"field\":\"queue\"");
        HttpResponse<String> moved = sam.send("POST", "/api/supervisor/interactions/" + interaction + "/queue",
                "{\"queue\":\"" + other + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(routing.interaction(InteractionId.of(interaction)).orElseThrow().queue().value()).isEqualTo(other);
        assertThat(sam.get("/api/supervisor/waiting").body()).contains("\"queue\":\"" + other + "\"");
        assertThat(audited("move-queue", interaction)).hasValueSatisfying(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.after()).contains(queue).contains(other);
        });

        // Ada takes the customer; the board shows whom she is talking to
        Browserless.Socket ada = adaConsole();
        assertThat(SocketSteps.acceptWhenOffered(ada, interaction)).contains(interaction)
                .contains("\"queue\":\"" + other + "\"");
        assertThat(sam.get("/api/supervisor/snapshot").body()).contains("\"interactions\":[{\"interactionId\":\"" + interaction
                + "\",\"customerName\":\"Chan Tai Man\",\"channel\":\"CHAT\",\"queue\":\"" + other + "\"");

        // the live chat is pushed to the board at each new line (no polling), only within the supervisor's regions
        Browserless.Socket sueBoardSocket = sue.socket("/ws/supervisor");
        sueBoardSocket.send("{\"type\":\"read-chat\",\"interactionId\":\"" + interaction + "\"}");
        assertThat(sueBoardSocket.next("\"forbidden\"")).contains("outside your regions");
        chan.send("{\"type\":\"chat\",\"text\":\"我想問下張卡幾時寄到\"}");
        Browserless.Socket samBoard = sam.socket("/ws/supervisor");
        samBoard.send("{\"type\":\"read-chat\",\"interactionId\":\"" + interaction + "\"}");
        assertThat(samBoard.next("\"type\":\"chat\"")).contains(interaction).contains("張卡幾時寄到");
        ada.send("{\"type\":\"chat\",\"interactionId\":\"" + interaction + "\",\"text\":\"聽日會寄到\"}");
        assertThat(samBoard.next("聽日會寄到")).contains("\"type\":\"chat\"");
        sueBoardSocket.close();
        samBoard.close();

        // a forced state needs a reason; while Ada talks to Chan she is told, and is Not ready once the chat ends
        HttpResponse<String> noReason = sam.send("POST", "/api/supervisor/advisors/agent-ada/state", "{\"state\":\"NOT_READY\"}");
        assertRefused(noReason, 400, "reason");
        HttpResponse<String> forced = sam.send("POST", "/api/supervisor/advisors/agent-ada/state",
                "{\"state\":\"NOT_READY\",\"reason\":\"coaching\"}");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(forced.body()).contains("\"applied\":false");
        assertThat(ada.next("\"forced\"")).contains("\"reason\":\"coaching\"").contains("\"by\":\"sam\"")
                .contains("\"afterConversations\":true");
        assertThat(audited("force-not-ready", "agent-ada")).hasValueSatisfying(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.after()).contains("coaching").contains(interaction).contains("BUSY");
        });
        SocketSteps.hangUp(ada, interaction);
        assertThat(ada.next("\"state\":\"NOT_READY\"")).contains("coaching");
        wrapUp(ada, interaction, "RESOLVED", "");

        // and logged out at the end of her shift, at once
        HttpResponse<String> out = sam.send("POST", "/api/supervisor/advisors/agent-ada/state",
                "{\"state\":\"LOGGED_OUT\",\"reason\":\"end of shift\"}");
        assertThat(out.body()).contains("\"applied\":true");
        assertThat(ada.next("\"state\":\"LOGGED_OUT\"")).contains("presence");
        assertThat(audited("force-logout", "agent-ada")).hasValueSatisfying(e -> assertThat(e.after()).contains("end of shift"));
    }

    /**
     * A supervisor on another node forced Ada Not ready after her conversation, and that node died before the
     * conversation ended: the forced change came here with the cluster relay, Ada is told, and this node, where her
     * conversation ends, applies it.
     */
    @Test
    void aForcedStateGivenOnANodeThatDiedMeanwhileIsAppliedWhereTheConversationEnds() throws Exception {
        Browserless.Socket chan = chanPage();
        String interaction = askForPerson(chan);
        Browserless.Socket ada = adaConsole();
        assertThat(SocketSteps.acceptWhenOffered(ada, interaction)).contains(interaction);

        events.publishRelayed(new AdvisorStateForced(Instant.now(), AgentId.of("agent-ada"), "sam", AdvisorState.NOT_READY,
                "coaching, asked on node A", List.of(InteractionId.of(interaction)), true));
        assertThat(ada.next("\"forced\"")).contains("coaching, asked on node A").contains("\"by\":\"sam\"")
                .contains("\"afterConversations\":true");
        SocketSteps.hangUp(ada, interaction);
        assertThat(ada.next("\"state\":\"NOT_READY\"")).contains("coaching, asked on node A");
        wrapUp(ada, interaction, "RESOLVED", "");
    }

    @Test
    void aQueueThatRequiresTheWrapUpKeepsTheAdvisorFromReadyUntilACodeOfItsOwnAndNotesAreGiven() throws Exception {
        Browserless.Socket chan = chanPage();
        String interaction = askForPerson(chan);
        String queue = routing.interaction(InteractionId.of(interaction)).orElseThrow().queue().value();

        // the administrator gives the customer's queue two codes and requires the wrap-up (the admin API's own field)
        Browserless root = Browserless.signedIn(port, "root");
        boolean existed = admin.queue(queue).isPresent();
        String body = """
                {"id":"%s","names":{"en":"Queue %s"},"product":"product.cards","slaFraction":0.8,"slaSeconds":20,
                 "wrapUpCodes":[{"code":"RESOLVED","label":"Resolved"},{"code":"CARD_BLOCKED","label":"Card blocked"}],
                 "breakCodes":[],"wrapUpRequired":true}""".formatted(queue, queue);
        Queue before = admin.queue(queue).orElse(null);
        var saved = existed ? root.send("PUT", "/api/admin/queues/" + queue, body) : root.send("POST", "/api/admin/queues", body);
        assertThat(saved.statusCode()).as(saved.body()).isBetween(200, 201);
        assertThat(saved.body()).contains("\"wrapUpRequired\":true");
        try {
            Browserless.Socket ada = adaConsole();
            SocketSteps.acceptWhenOffered(ada, interaction);
            SocketSteps.hangUp(ada, interaction);
            assertThat(ada.next("\"ended\"")).contains("\"required\":true")
                    .contains("{\"code\":\"RESOLVED\",\"label\":\"Resolved\"},{\"code\":\"CARD_BLOCKED\",\"label\":\"Card blocked\"}]");

            ada.send("{\"type\":\"presence\",\"state\":\"READY\"}");
            assertThat(ada.next("\"error\"")).contains("\"code\":\"wrapup.required\"").contains("\"field\":\"code\"");
            wrapUp(ada, interaction, "SALES_LEAD", "x");
            assertThat(ada.next("\"error\"")).contains("\"code\":\"wrapup.unknown-code\"").contains("\"field\":\"code\"");
            wrapUp(ada, interaction, "CARD_BLOCKED", " ");
            assertThat(ada.next("\"error\"")).contains("\"code\":\"wrapup.notes-required\"").contains("\"field\":\"notes\"");

            wrapUp(ada, interaction, "CARD_BLOCKED", "card stopped");
            // now Ready is allowed (from Wrap-up, or from the Not ready the wrap-up time's end left her in)
            ada.send("{\"type\":\"presence\",\"state\":\"READY\"}");
            ada.send("{\"type\":\"desk\"}");
            String desk = ada.next("\"type\":\"desk\"");
            assertThat(desk).contains("\"wrapUps\":[]").contains("card stopped").contains("\"presence\":{\"type\":\"presence\",\"state\":\"READY\"");
            ada.send("{\"type\":\"presence\",\"state\":\"NOT_READY\",\"reason\":\"break\"}");
            ada.until("\"reason\":\"break\"");
        } finally {
            if (existed) {
                admin.updateQueue("root", queue, before);
            } else {
                admin.deleteQueue("root", queue);
            }
        }
    }

    @AfterEach
    void quietFloor() {
        open.forEach(Browserless.Socket::close);
        open.clear();
        routing.waiting().forEach(w -> routing.abandon(w.interaction().id()));
    }
}
