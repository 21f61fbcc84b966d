package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mvtm.webtest.Refusal.assertRefused;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceConsoleApiTest {
    static final String[] PURPOSE = {"X-Purpose", "complaint 42"};
    @LocalServerPort
    int port;
    @Autowired
    RecordedConversations recordings;
    @Autowired
    RecordingStore store;
    @Autowired
    Clock clock;

    @Test
    void shenzhenOfficerCannotSeeHongKongRecordings() {
        RecordingId hk = recordings.add("chan", "Chan Tai Man", Region.HK, Language.YUE, List.of("我張卡唔見咗"));
        RecordingId sz = recordings.add("li", "Li Wei", Region.SZ, Language.ZH, List.of("我的卡丢了"));
        Browserless shenzhen = Browserless.signedIn(port, "szcomp");
        String all = shenzhen.get("/api/compliance/recordings", PURPOSE).body();
        assertThat(all).contains(sz.value()).doesNotContain(hk.value());
        assertThat(shenzhen.get("/api/compliance/recordings?customer=chan", PURPOSE).body()).isEqualTo("[]");
        for (String path : List.of("", "/timeline", "/legs", "/media/customer")) {
            assertThat(shenzhen.get("/api/compliance/recordings/" + hk.value() + path, PURPOSE).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(shenzhen.get("/api/compliance/recordings?region=HK", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(shenzhen.postJson("/api/compliance/recordings/" + hk.value() + "/export", "{\"reason\":\"regulator request 7\"}", PURPOSE).statusCode())
                .isEqualTo(403);

        Browserless hongKong = Browserless.signedIn(port, "hkcomp");
        assertThat(hongKong.get("/api/compliance/recordings?customer=chan", PURPOSE).body()).contains(hk.value());
        assertThat(hongKong.get("/api/compliance/recordings/" + hk.value() + "/timeline", PURPOSE).body()).contains("我張卡唔見咗");
    }

    @Test
    void shenCannotReadConniesAuditAndA403DoesNotRevealTheRecordingsRegion() {
        RecordingId hk = recordings.add("wong-ka-ho", "Wong Ka Ho", Region.HK, Language.YUE, List.of("我想投訴"));
        Browserless connie = Browserless.signedIn(port, "connie");
        assertThat(connie.get("/api/compliance/recordings?customer=wong-ka-ho", "X-Purpose", "complaint HK-2026-114").body())
                .contains(hk.value());
        assertThat(connie.get("/api/compliance/recordings/" + hk.value() + "/timeline", "X-Purpose", "complaint HK-2026-114")
                .statusCode()).isEqualTo(200);

        Browserless shen = Browserless.signedIn(port, "shen");
        String audit = shen.get("/api/compliance/audit", "X-Purpose", "audit sample SZ-7").body();
        assertThat(audit).doesNotContain("connie", hk.value(), "HK-2026-114", "wong-ka-ho");
        assertThat(shen.get("/api/compliance/audit?user=connie", "X-Purpose", "audit sample SZ-7").body()).isEqualTo("[]");
        for (String path : List.of("", "/timeline", "/legs", "/media/customer")) {
            HttpResponse<String> refused = shen.get("/api/compliance/recordings/" + hk.value() + path, "X-Purpose", "audit sample SZ-7");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("HK");
        }
        assertThat(connie.get("/api/compliance/audit?user=connie", "X-Purpose", "complaint HK-2026-114").body())
                .contains(hk.value(), "HK-2026-114");
    }

    @Test
    void eachRefusalIsAuditedAsTheActionAttempted() {
        RecordingId hk = recordings.add("ng-mei", "Ng Mei", Region.HK, Language.YUE, List.of("轉賬"));
        Browserless shen = Browserless.signedIn(port, "shen");
        String recording = "/api/compliance/recordings/" + hk.value();
        assertThat(shen.get(recording + "/timeline", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(shen.get(recording + "/legs", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(shen.get(recording + "/media/customer?purpose=complaint%2042").statusCode()).isEqualTo(403);
        assertThat(shen.send("POST", recording + "/verify", "{}", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(shen.postJson(recording + "/export", "{\"reason\":\"regulator request 7\"}", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(shen.get("/api/compliance/recordings?region=HK&customer=ng-mei", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(store.audit(auditor(), byUser("shen"))).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple(AuditAction.TIMELINE, AuditEntry.Outcome.DENIED), tuple(AuditAction.LEGS, AuditEntry.Outcome.DENIED),
                tuple(AuditAction.REPLAY, AuditEntry.Outcome.DENIED), tuple(AuditAction.VERIFY, AuditEntry.Outcome.DENIED),
                tuple(AuditAction.EXPORT, AuditEntry.Outcome.DENIED), tuple(AuditAction.SEARCH, AuditEntry.Outcome.DENIED));
        assertThat(store.audit(auditor(), byUser("shen")).getLast().detail()).contains("customer=ng-mei", "region=HK");

        Browserless advisor = Browserless.signedIn(port, "ada");
        assertThat(advisor.get(recording + "/timeline", PURPOSE).statusCode()).as("refused by Spring Security").isEqualTo(403);
        assertThat(advisor.get("/api/compliance/recordings?customer=ng-mei", PURPOSE).statusCode()).isEqualTo(403);
        assertThat(store.audit(auditor(), byUser("ada")))
                .filteredOn(e -> e.recording().filter(hk.value()::equals).isPresent() || e.detail().contains("ng-mei"))
                .extracting(AuditEntry::action, e -> e.recording().orElse(""), AuditEntry::outcome)
                .containsExactly(tuple(AuditAction.TIMELINE, hk.value(), AuditEntry.Outcome.DENIED),
                        tuple(AuditAction.SEARCH, "", AuditEntry.Outcome.DENIED));
    }

    @Test
    void aComplianceCallWithoutAPurposeIsRefusedWith400NamingTheHeader() {
        RecordingId id = recordings.add("tam", "Tam", Region.HK, Language.EN, List.of("hello"));
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        for (String path : List.of("/api/compliance/recordings", "/api/compliance/recordings/" + id.value(),
                "/api/compliance/recordings/" + id.value() + "/timeline", "/api/compliance/recordings/" + id.value() + "/media/customer",
                "/api/compliance/audit", "/api/compliance/dispositions", "/api/compliance/interactions/i-1/disposition")) {
            HttpResponse<String> refused = officer.get(path, "X-Purpose", " ");
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("\"field\":\"X-Purpose\"");
            assertThat(officer.get(path).statusCode()).as(path + " without the header").isEqualTo(400);
        }
        assertThat(officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"regulator request 7\"}")
                .statusCode()).isEqualTo(400);
        assertRefused(officer.send("PUT", "/api/compliance/recordings/" + id.value() + "/legal-hold",
                "{\"hold\":true,\"reason\":\"litigation L-9\"}"), 400, "X-Purpose");
        assertRefused(officer.get("/api/compliance/dispositions?from=yesterday", PURPOSE), 400, "from")
                .contains("ISO instant");
        assertThat(store.audit(auditor(), AuditQuery.forRecording(id.value()))).as("nothing was read").isEmpty();
    }

    @Test
    void legalHoldSurvivesThePurgeAndADeletionNeedsASecondOfficerWhoseApprovalDestroysTheRecording() {
        RecordingId id = recordings.add("lam", "Lam Chi Wai", Region.HK, Language.YUE, List.of("請刪除我嘅資料"));
        String recording = "/api/compliance/recordings/" + id.value();
        Browserless first = Browserless.signedIn(port, "hkcomp");
        Browserless second = Browserless.signedIn(port, "connie");

        assertThat(first.send("PUT", recording + "/legal-hold", "{\"hold\":true,\"reason\":\"litigation L-9\"}", PURPOSE).statusCode())
                .isEqualTo(204);
        assertThat(first.get(recording, PURPOSE).body()).contains("\"legalHold\":true");
        var purge = store.applyRetention(clock.instant().plus(Duration.ofDays(101 * 366)));
        assertThat(purge.keptOnLegalHold()).contains(id);
        assertThat(first.send("POST", recording + "/deletion", "{\"reason\":\"erasure request E-1\"}", PURPOSE).statusCode())
                .as("held recordings cannot be deleted").isEqualTo(409);
        assertThat(first.send("PUT", recording + "/legal-hold", "{\"hold\":false,\"reason\":\"litigation closed\"}", PURPOSE)
                .statusCode()).isEqualTo(204);

        HttpResponse<String> requested = first.send("POST", recording + "/deletion", "{\"reason\":\"erasure request E-1\"}", PURPOSE);
        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(requested.body()).contains("\"requestedBy\":\"hkcomp\"");
        assertThat(second.get(recording, PURPOSE).body()).contains("\"deletionRequest\"", "erasure request E-1");
        HttpResponse<String> self = first.send("POST", recording + "/deletion/approve", "{\"reason\":\"approving myself\"}", PURPOSE);
        assertThat(self.statusCode()).as("a single officer cannot delete").isEqualTo(403);
        assertThat(self.body()).contains("four eyes");
        assertThat(first.get(recording, PURPOSE).statusCode()).isEqualTo(200);
        assertThat(second.send("POST", recording + "/deletion/approve", "{}", PURPOSE).statusCode()).isEqualTo(400);

        assertThat(second.send("POST", recording + "/deletion/approve", "{\"reason\":\"E-1 checked against policy\"}", PURPOSE)
                .statusCode()).isEqualTo(204);
        assertThat(first.get(recording, PURPOSE).statusCode()).isEqualTo(404);
        assertThat(store.audit(auditor(), AuditQuery.forRecording(id.value())))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.ALLOWED)
                .extracting(AuditEntry::action, AuditEntry::userId).containsSubsequence(
                        tuple(AuditAction.LEGAL_HOLD, "hkcomp"), tuple(AuditAction.RELEASE_HOLD, "hkcomp"),
                        tuple(AuditAction.DELETE_REQUEST, "hkcomp"), tuple(AuditAction.DELETE, "connie"));
    }

    @Test
    void retentionRulesAreSetPerQueueOrRegionByAnOfficerOrAnAdministrator() {
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        HttpResponse<String> set = officer.send("PUT", "/api/compliance/retention/regions/HK", "{\"days\":3650,\"reason\":\"HKMA rule 2026\"}", PURPOSE);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"HK\":3650");
        assertThat(officer.send("PUT", "/api/compliance/retention/regions/SZ", "{\"days\":30,\"reason\":\"not my region\"}", PURPOSE)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> tooShort = officer.send("PUT", "/api/compliance/retention/queues/general", "{\"days\":0,\"reason\":\"oops zero\"}", PURPOSE);
        assertRefused(tooShort, 400, "days");

        Browserless admin = Browserless.signedIn(port, "root");
        assertThat(admin.send("PUT", "/api/compliance/retention/queues/vip", "{\"days\":4000,\"reason\":\"private banking policy\"}", PURPOSE)
                .statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/compliance/retention").body()).contains("\"vip\":4000", "\"HK\":3650");
        assertThat(store.retention().periodFor(org.mvtm.core.id.QueueId.of("vip"), Region.SZ)).isEqualTo(Duration.ofDays(4000));

        Browserless advisor = Browserless.signedIn(port, "ada");
        assertThat(advisor.send("PUT", "/api/compliance/retention/queues/general", "{\"days\":1,\"reason\":\"tidy up please\"}", PURPOSE)
                .statusCode()).isEqualTo(403);
        assertThat(store.audit(auditor(), byUser("ada")))
                .extracting(AuditEntry::action).contains(AuditAction.RETENTION_RULE);
        assertThat(admin.send("PUT", "/api/compliance/retention/queues/vip", "{\"days\":null,\"reason\":\"back to the default\"}", PURPOSE)
                .body()).doesNotContain("vip");
    }

    @Test
    void officerFindsByChatWordReplaysWithRangeAndTheReplayIsAudited() throws Exception {
        RecordingId id = recordings.add("wong", "Wong Siu Ming", Region.HK, Language.YUE, List.of("我想問信用卡年費"));
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        assertThat(officer.get("/api/compliance/recordings?text=年費", PURPOSE).body()).contains(id.value());

        HttpClient raw = HttpClient.newHttpClient();
        String cookie = "JSESSIONID=" + officer.cookie("JSESSIONID");
        HttpResponse<byte[]> part = raw.send(HttpRequest.newBuilder(URI.create(officer.base()
                        + "/api/compliance/recordings/" + id.value() + "/media/customer?purpose=complaint%2042"))
                .header("Cookie", cookie).header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/4096");
        assertThat(part.body()).hasSize(100).startsWith((byte) 100);

        String audit = officer.get("/api/compliance/audit?recording=" + id.value(), PURPOSE).body();
        assertThat(audit).contains("REPLAY").contains("hkcomp");
    }

    @Test
    void openingARecordingAsTheConsoleDoesIsDescribedOnceInTheAudit() {
        RecordingId id = recordings.add("ho", "Ho Ka Yan", Region.HK, Language.YUE, List.of("轉數快"));
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        String recording = "/api/compliance/recordings/" + id.value();
        // what compliance.js asks for when the officer presses Replay
        for (String path : List.of("", "/legs", "/media/customer?purpose=complaint%2042", "/media/customer?purpose=complaint%2042", "/timeline")) {
            assertThat(officer.get(recording + path, PURPOSE).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(store.audit(auditor(), AuditQuery.forRecording(id.value())))
                .filteredOn(e -> e.action() == AuditAction.DESCRIBE).hasSize(1);
    }

    @Test
    void anExportIsAuditedWithTheOfficersPurposeAndTheExportReason() {
        RecordingId id = recordings.add("yip", "Yip", Region.HK, Language.EN, List.of("hello"));
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        assertThat(officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"regulator request 7\"}",
                "X-Purpose", "complaint HK-2026-114").statusCode()).isEqualTo(200);
        assertThat(store.audit(auditor(), AuditQuery.forRecording(id.value())))
                .filteredOn(e -> e.action() == AuditAction.EXPORT).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("purpose=complaint HK-2026-114").contains("reason=regulator request 7"));
    }

    @Test
    void exportNeedsAStatedReason() {
        RecordingId id = recordings.add("lee", "Lee", Region.HK, Language.EN, List.of("hello"));
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        HttpResponse<String> noReason = officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"\"}", PURPOSE);
        assertRefused(noReason, 400, "reason");
        HttpResponse<String> ok = officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"regulator request 7\"}", PURPOSE);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".zip"));
        assertThat(officer.get("/api/compliance/audit?recording=" + id.value(), PURPOSE).body()).contains("EXPORT").contains("regulator request 7");
    }

    private static Viewer auditor() {
        return new Viewer("test-auditor", Set.of(Role.ADMIN), Set.of(Region.HK, Region.SZ, Region.MO), "test");
    }

    private static AuditQuery byUser(String user) {
        return new AuditQuery(java.util.Optional.empty(), java.util.Optional.of(user), java.util.Optional.empty(),
                java.util.Optional.empty(), 1000);
    }
}
