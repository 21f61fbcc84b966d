package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.JsonFields.field;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer page and the advisor console, driven over their WebSockets without a browser. */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactJourneyOverWebSocketTest {
    @LocalServerPort
    int port;

    @Test
    void cantoneseCustomerAsksForPersonAdvisorAcceptsTheyChatAndAdvisorWrapsUp() throws Exception {
        Browserless customerHttp = Browserless.signedIn(port, "chan");
        Browserless.Socket customer = customerHttp.socket("/ws/customer");
        String welcome = SocketSteps.hello(customer, "yue");
        String conversationId = field(welcome, "conversationId");
        String greeting = customer.next("\"BOT\"");
        customer.send("{\"type\":\"chat\",\"text\":\"我張信用卡唔見咗，點算好？\"}");
        assertThat(customer.next("我張信用卡唔見咗")).contains("\"CUSTOMER\"");
        String answer = customer.next("\"BOT\"");
        assertThat(answer).isNotEqualTo(greeting);
        String queued = SocketSteps.askForPerson(customer, "VIDEO");
        assertThat(queued).contains("\"channel\":\"VIDEO\"").contains("\"position\":1");

        // a network drop: the page comes back with its conversation id and keeps its place
        customer.close();
        Browserless.Socket rejoined = customerHttp.socket("/ws/customer");
        String resumed = SocketSteps.resume(rejoined, "yue", conversationId);
        assertThat(resumed).contains("\"resumed\":true").contains("\"status\":\"QUEUED\"").contains("我張信用卡唔見咗");

        Browserless advisorHttp = Browserless.signedIn(port, "ada");
        Browserless.Socket advisor = advisorHttp.socket("/ws/agent");
        assertThat(advisor.next("\"desk\"")).contains("\"agentId\":\"agent-ada\"").contains("NOT_READY");
        advisor.send("{\"type\":\"presence\",\"state\":\"READY\"}");
        String offer = advisor.next("\"offer\"");
        assertThat(offer).contains("\"language\":\"yue\"").contains("\"tier\":\"PREMIER\"")
                .contains("\"product\":\"CARDS\"").contains("\"queue\":\"cards\"").contains("CUSTOMER_ASKED")
                .contains("我張信用卡唔見咗").contains("\"secondsLeft\"");
        String interactionId = field(offer, "interactionId");
        assertThat(SocketSteps.accept(advisor, interactionId)).contains("\"channel\":\"VIDEO\"");
        assertThat(rejoined.next("\"CONNECTED\"")).contains("Ada Wong");

        advisor.send("{\"type\":\"chat\",\"interactionId\":\"" + interactionId + "\",\"text\":\"你好，我係Ada\"}");
        assertThat(rejoined.next("我係Ada")).contains("\"ADVISOR\"");
        rejoined.send("{\"type\":\"chat\",\"text\":\"唔該晒\"}");
        assertThat(advisor.next("唔該晒")).contains("\"CUSTOMER\"");

        SocketSteps.hangUp(advisor, interactionId);
        assertThat(advisor.next("\"ended\"")).contains(interactionId);
        assertThat(rejoined.next("\"ENDED\"")).contains("status");
        // RESOLVED: a code of the queue's list (AdminApiTest, sharing this context, may give cards a list of its own)
        advisor.send("{\"type\":\"wrapup\",\"code\":\"RESOLVED\",\"notes\":\"blocked and reissued\"}");
        advisor.send("{\"type\":\"desk\"}");
        String desk = advisor.next("\"type\":\"desk\"");
        assertThat(desk).contains("\"wrapUpCode\":\"RESOLVED\"").contains("blocked and reissued").contains(interactionId);
        SocketSteps.stepAway(advisor);
        rejoined.close();
    }

    @Test
    void messageTypesAreAuthorisedPerEndpointAndRole() throws Exception {
        Browserless customerHttp = Browserless.signedIn(port, "chan");
        Browserless.Socket customer = customerHttp.socket("/ws/customer");
        customer.send("{\"type\":\"accept\",\"interactionId\":\"x\"}");
        assertThat(customer.next("\"error\"")).contains("forbidden").contains("unknown message type 'accept'");
        customer.send("not json");
        assertThat(customer.next("\"error\"")).contains("bad-json");
        customer.send("{\"type\":\"chat\",\"text\":\"hi\"}");
        assertThat(customer.next("\"error\"")).contains("no-conversation");

        Browserless advisorHttp = Browserless.signedIn(port, "ada");
        Browserless.Socket advisor = SocketSteps.console(advisorHttp);
        advisor.send("{\"type\":\"chat\",\"interactionId\":\"someone-elses\",\"text\":\"hello\"}");
        assertThat(advisor.next("\"error\"")).contains("\"code\":\"interaction.not-connected\"").contains("\"interaction\":\"someone-elses\"");
        advisor.send("{\"type\":\"explain\",\"interactionId\":\"x\"}");
        assertThat(advisor.next("\"error\"")).contains("forbidden");
        advisor.close();
        customer.close();
    }

    @Test
    void supervisorSeesQueuesAndOnlyAdvisorsOfTheirRegions() throws Exception {
        Browserless supervisorHttp = Browserless.signedIn(port, "sam");
        Browserless.Socket supervisor = supervisorHttp.socket("/ws/supervisor");
        String snapshot = supervisor.next("\"snapshot\"");
        assertThat(snapshot).contains("\"queue\":\"cards\"").contains("agent-ada").contains("agent-bo");
        Browserless admin = Browserless.signedIn(port, "root");
        assertThat(admin.get("/api/supervisor/snapshot").body()).contains("\"queues\"");
    }

    @Test
    void advisorWithoutRoutingProfileIsToldSoOnTheConsole() throws Exception {
        Browserless ghostHttp = Browserless.signedIn(port, "ghost");
        Browserless.Socket ghost = ghostHttp.socket("/ws/agent");
        assertThat(ghost.next("\"error\"")).contains("not-routable").contains("agent-ghost");
    }
}
