package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceConsoleApiTest {
    @LocalServerPort
    int port;
    @Autowired
    MemoryRecordingStore store;

    @Test
    void shenzhenOfficerCannotSeeHongKongRecordings() {
        RecordingId hk = store.add("chan", "Chan Tai Man", Region.HK, Language.YUE, List.of("我張卡唔見咗"));
        RecordingId sz = store.add("li", "Li Wei", Region.SZ, Language.ZH, List.of("我的卡丢了"));
        Browserless shenzhen = new Browserless(port);
        shenzhen.login("szcomp", WebTestApplication.PASSWORD);
        String all = shenzhen.get("/api/compliance/recordings").body();
        assertThat(all).contains(sz.value()).doesNotContain(hk.value());
        assertThat(shenzhen.get("/api/compliance/recordings?customer=chan").body()).isEqualTo("[]");
        for (String path : List.of("", "/timeline", "/legs", "/media/customer")) {
            assertThat(shenzhen.get("/api/compliance/recordings/" + hk.value() + path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(shenzhen.get("/api/compliance/recordings?region=HK").statusCode()).isEqualTo(403);
        assertThat(shenzhen.postJson("/api/compliance/recordings/" + hk.value() + "/export", "{\"reason\":\"regulator request 7\"}").statusCode())
                .isEqualTo(403);

        Browserless hongKong = new Browserless(port);
        hongKong.login("hkcomp", WebTestApplication.PASSWORD);
        assertThat(hongKong.get("/api/compliance/recordings?customer=chan").body()).contains(hk.value());
        assertThat(hongKong.get("/api/compliance/recordings/" + hk.value() + "/timeline").body()).contains("我張卡唔見咗");
    }

    @Test
    void officerFindsByChatWordReplaysWithRangeAndTheReplayIsAudited() throws Exception {
        RecordingId id = store.add("wong", "Wong Siu Ming", Region.HK, Language.YUE, List.of("我想問信用卡年費"));
        Browserless officer = new Browserless(port);
        officer.login("hkcomp", WebTestApplication.PASSWORD);
        assertThat(officer.get("/api/compliance/recordings?text=年費").body()).contains(id.value());

        HttpClient raw = HttpClient.newHttpClient();
        String cookie = "JSESSIONID=" + officer.cookie("JSESSIONID");
        HttpResponse<byte[]> part = raw.send(HttpRequest.newBuilder(URI.create(officer.base()
                        + "/api/compliance/recordings/" + id.value() + "/media/customer?purpose=complaint%2042"))
                .header("Cookie", cookie).header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/4096");
        assertThat(part.body()).hasSize(100).startsWith((byte) 100);

        String audit = officer.get("/api/compliance/audit?recording=" + id.value()).body();
        assertThat(audit).contains("REPLAY").contains("hkcomp");
    }

    @Test
    void openingARecordingAsTheConsoleDoesIsDescribedOnceInTheAudit() {
        RecordingId id = store.add("ho", "Ho Ka Yan", Region.HK, Language.YUE, List.of("轉數快"));
        Browserless officer = new Browserless(port);
        officer.login("hkcomp", WebTestApplication.PASSWORD);
        String recording = "/api/compliance/recordings/" + id.value();
        // what compliance.js asks for when the officer presses Replay
        for (String path : List.of("", "/legs", "/media/customer?purpose=complaint%2042", "/media/customer?purpose=complaint%2042", "/timeline")) {
            assertThat(officer.get(recording + path, "X-Purpose", "complaint 42").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(store.audit(auditor(), org.mvtm.recording.api.AuditQuery.forRecording(id.value())))
                .filteredOn(e -> e.action() == org.mvtm.recording.api.AuditAction.DESCRIBE).hasSize(1);
    }

    @Test
    void anExportIsAuditedWithTheOfficersPurposeAndTheExportReason() {
        RecordingId id = store.add("yip", "Yip", Region.HK, Language.EN, List.of("hello"));
        Browserless officer = new Browserless(port);
        officer.login("hkcomp", WebTestApplication.PASSWORD);
        assertThat(officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"regulator request 7\"}",
                "X-Purpose", "complaint HK-2026-114").statusCode()).isEqualTo(200);
        assertThat(store.audit(auditor(), org.mvtm.recording.api.AuditQuery.forRecording(id.value())))
                .filteredOn(e -> e.action() == org.mvtm.recording.api.AuditAction.EXPORT).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("purpose=complaint HK-2026-114").contains("reason=regulator request 7"));
    }

    private static org.mvtm.recording.api.Viewer auditor() {
        return new org.mvtm.recording.api.Viewer("test-auditor", java.util.Set.of(org.mvtm.recording.api.Role.ADMIN),
                java.util.Set.of(Region.HK), "test");
    }

    @Test
    void exportNeedsAStatedReason() {
        RecordingId id = store.add("lee", "Lee", Region.HK, Language.EN, List.of("hello"));
        Browserless officer = new Browserless(port);
        officer.login("hkcomp", WebTestApplication.PASSWORD);
        assertThat(officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> ok = officer.postJson("/api/compliance/recordings/" + id.value() + "/export", "{\"reason\":\"regulator request 7\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".zip"));
        assertThat(officer.get("/api/compliance/audit?recording=" + id.value()).body()).contains("EXPORT").contains("regulator request 7");
    }
}
