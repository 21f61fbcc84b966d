package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The must-show journey in headless Chromium (Playwright, Debian chromium): Cantonese chat, handoff, video with
 * frames decoded both ways, chat, wrap-up, supervisor explanation, compliance search/replay/audit. Screenshots go to
 * agent-web/target/screenshots.
 */
@Tag("peer")
@SpringBootTest(classes = BrowserJourneyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTest {
    @LocalServerPort
    int port;
    @Autowired
    RecordingStore store;

    @Test
    void cantoneseCustomerReachesCantoneseAdvisorOnVideoAndComplianceReplaysIt() throws Exception {
        Path repo = Path.of(System.getProperty("mvtm.project.dir", "..")).toAbsolutePath().normalize();
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("Chromium not found at " + chromium + ": install it with `apt-get install chromium`");
        }
        Path nodeModules = repo.resolve("tools/browser/node_modules");
        if (!Files.isDirectory(nodeModules.resolve("playwright-core"))) {
            throw new AssertionError("playwright-core missing in " + nodeModules + ": run `npm ci` in tools/browser");
        }
        Path screenshots = repo.resolve("agent-web/target/screenshots");
        Path log = Files.createTempFile("journey", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", repo.resolve("agent-web/src/test/browser/journey.js").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("SCREENSHOTS", screenshots.toString());
        builder.environment().put("NODE_PATH", nodeModules.toString());
        builder.environment().put("MVTM_REPO", repo.toString());
        builder.environment().put("PASSWORD", CommonTestBeans.PASSWORD);
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new AssertionError("node not found: install Node.js 20 (`apt-get install nodejs`)", e);
        }
        boolean finished = node.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("journey finished in time; output:\n" + output).isTrue();
        assertThat(output).as(output).contains("JOURNEY OK");
        assertThat(node.exitValue()).isZero();
        assertThat(output).contains("唔該晒").contains("framesDecoded");
        for (String shot : List.of("login-zh-Hant", "customer-queued", "agent-offer", "customer-call", "agent-call", "agent-wrapup", "supervisor", "compliance")) {
            assertThat(screenshots.resolve(shot + ".png")).as(shot).exists();
        }
        Viewer auditor = new Viewer("test-auditor", Set.of(Role.COMPLIANCE, Role.ADMIN), Set.of(Region.HK), "journey check");
        assertThat(store.audit(auditor, AuditQuery.all()))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.REPLAY);
                    assertThat(e.userId()).isEqualTo("hkcomp");
                });
    }
}
