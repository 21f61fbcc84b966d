package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.AdministrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The administration REST API: ADMIN only, CSRF-protected, field-level 400s that change nothing, described in OpenAPI. */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUEUE = """
            {"id":"cards","names":{"en":"Cards","zh-Hant":"信用卡"},"product":"product.cards","productMinLevel":3,
             "skills":[{"skill":"lang.yue","level":5}],"slaFraction":0.8,"slaSeconds":%d,
             "relaxation":[{"afterSeconds":30,"levelDrop":2,"languageOnly":false}],
             "openingHours":[{"dayOfWeek":1,"opens":"09:00","closes":"18:00"}],
             "holidays":[{"date":"2026-12-25","name":"Christmas Day"}],"outsideHours":"CALLBACK",
             "wrapUpCodes":[{"code":"RESOLVED","label":"Resolved"}],"breakCodes":[{"code":"LUNCH","label":"Lunch"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    AdministrationService admin;

    private Browserless root() {
        Browserless root = new Browserless(port);
        assertThat(root.login("root", WebTestApplication.PASSWORD)).endsWith("/");
        return root;
    }

    @Test
    void onlyAdministratorsReachTheAdministrationApi() {
        Browserless supervisor = Browserless.signedIn(port, "sam");
        Browserless officer = Browserless.signedIn(port, "hkcomp");

        assertThat(supervisor.get("/api/admin/users").statusCode()).isEqualTo(403);
        assertThat(officer.json("POST", "/api/admin/users", "{\"username\":\"mallory\",\"roles\":[\"ADMIN\"],"
                + "\"regions\":[\"HK\"],\"password\":\"mallory-pass-1\"}", true).statusCode()).isEqualTo(403);
        assertThat(new Browserless(port).get("/api/admin/users").statusCode()).isEqualTo(401);
        assertThat(root().get("/api/admin/users").statusCode()).isEqualTo(200);
        assertThat(admin.user("mallory")).isEmpty();
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        var res = root().json("POST", "/api/admin/users", "{\"username\":\"csrf-victim\",\"roles\":[\"ADMIN\"],"
                + "\"regions\":[\"HK\"],\"password\":\"victim-pass-1\"}", false);

        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(admin.user("csrf-victim")).isEmpty();
    }

    @Test
    void anAdministratorCreatesAnAdvisorWithSkillsAndAQueueAndBadInputGetsFieldLevelErrors() throws Exception {
        Browserless root = root();
        var created = root.json("POST", "/api/admin/users", "{\"username\":\"kelly\",\"displayName\":\"Kelly Ho\","
                + "\"roles\":[\"ADVISOR\",\"SUPERVISOR\"],\"regions\":[\"HK\"],\"language\":\"zh-Hant\",\"password\":\"tea-garden-41\"}", true);
        var profile = root.json("PUT", "/api/admin/advisors/kelly", "{\"region\":\"HK\",\"skills\":[{\"skill\":\"lang.yue\",\"level\":9},"
                + "{\"skill\":\"product.cards\",\"level\":7}],\"voiceCapacity\":1,\"videoCapacity\":1,\"chatCapacity\":3}", true);
        var queue = root.json("POST", "/api/admin/queues", QUEUE.formatted(20), true);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(201);
        assertThat(JSON.readTree(queue.body()).path("names").path("zh-Hans").asString()).isEqualTo("Cards");

        JsonNode duplicate = body(root.json("POST", "/api/admin/users", "{\"username\":\"kelly\",\"roles\":[\"ADMIN\"],"
                + "\"regions\":[\"HK\"],\"password\":\"other-pass-12\"}", true), 400);
        JsonNode unknownSkill = body(root.json("PUT", "/api/admin/advisors/kelly",
                "{\"skills\":[{\"skill\":\"product.unicorns\",\"level\":5}]}", true), 400);
        JsonNode negativeSla = body(root.json("POST", "/api/admin/queues", QUEUE.formatted(-5).replace("\"cards\"", "\"cards2\""), true), 400);
        JsonNode badRole = body(root.json("POST", "/api/admin/users", "{\"username\":\"zed\",\"roles\":[\"WIZARD\"],"
                + "\"regions\":[\"HK\"]}", true), 400);

        assertThat(duplicate.path("field").asString()).isEqualTo("username");
        assertThat(duplicate.path("message").asString()).contains("exists already");
        assertThat(unknownSkill.path("field").asString()).isEqualTo("skills[0].skill");
        assertThat(negativeSla.path("field").asString()).isEqualTo("slaSeconds");
        assertThat(negativeSla.path("message").asString()).contains("-5");
        assertThat(badRole.path("field").asString()).startsWith("roles");
        assertThat(admin.user("kelly").orElseThrow().roles()).hasSize(2);
        assertThat(admin.advisor("kelly").orElseThrow().skills()).hasSize(2);
        assertThat(admin.queue("cards2")).isEmpty();
        assertThat(admin.audit(java.util.Optional.empty(), 100)).extracting(e -> e.actor()).containsOnly("root");
    }

    @Test
    void theAuditTrailAndTheOpenApiDescriptionAreServedToAdministrators() throws Exception {
        Browserless root = root();
        root.json("PUT", "/api/admin/skills/securities-licence", "{\"kind\":\"CUSTOM\",\"label\":\"Type 1 licence\"}", true);

        JsonNode audit = body(root.get("/api/admin/audit?entity=skill"), 200);
        var openApi = root.get("/api/admin/openapi.yaml");

        assertThat(audit.get(0).path("entityId").asString()).isEqualTo("securities-licence");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("root");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(openApi.body()).contains("openapi: 3.1.0", "/api/admin/queues/{id}", "/api/admin/users/{username}/sip");
    }

    private static JsonNode body(java.net.http.HttpResponse<String> res, int status) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        return JSON.readTree(res.body());
    }
}
