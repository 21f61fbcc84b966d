package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.recording.api.VerifyCommand;
import org.mvtm.recording.export.WebmReader;
import tools.jackson.databind.JsonNode;

/**
 * The advisor's working day in headless Chromium on one server with the demo data (issue 16 items 1, 6 and 7), and
 * the work inside a call (issue 15's PCI pause, issue 22's documents): the browser steps are in
 * server/src/test/browser/advisor-desk.js, pci-pause.js and documents.js. The grace periods are as short as in
 * FirstHourConsolesTest, which these scenarios shared a server with before.
 */
class AdvisorsWorkingDayInBrowserTest extends BrowserScenarios {
    /** The scenarios of the advisor's working day: server/src/test/browser/advisor-desk.js. */
    AdvisorsWorkingDayInBrowserTest() {
        super(new Script("server/src/test/browser/advisor-desk.js", "ADVISOR DESK OK"));
    }

    /**
     * Issue 16 item 1: an advisor holds a video call and two chats at once, each in its own tab with unread marks and a
     * kept draft, switches with Alt+2, Alt+3 and Alt+1 and answers all three: each customer receives only the reply
     * meant for them, and the video keeps flowing both ways while the chats are worked; each is wrapped up in its tab.
     */
    @Test
    void anAdvisorAnswersAVideoCallAndTwoChatsAtOnce() throws Exception {
        scenario("three-at-once");
    }

    /**
     * Issue 16 items 6 and 7: the supervisor moves a waiting customer to another queue from the board, sees whom an
     * advisor talks to, and sets the advisor Not ready with a reason while they are in a chat (the advisor is told at
     * once and is Not ready when the chat ends); the audit log holds both actions, the chat's recording timeline the
     * forced change, and compliance finds the chat's wrap-up code and notes by a word of the notes.
     */
    @Test
    void aSupervisorMovesAWaitingCustomerAndSetsAnAdvisorNotReadyAuditedAndOnTheTimeline() throws Exception {
        scenario("supervisor");
    }

    /**
     * Issue 15, PCI pause (server/src/test/browser/pci-pause.js): the advisor's button pauses a video call's recording
     * while the customer gives card details and resumes it, the customer's page pauses it too and the call ends while
     * paused. The exported legs hold media before and between the pauses and none inside them; the timeline marks
     * each gap with who paused and why; the card number typed in a gap is redacted.
     */
    @Test
    void aPciPauseDuringABrowserCallLeavesAMarkedGapWithNoMediaInItInTheExport() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "EXPORTS", exports.toString(),
                "PASSWORD", "demo1234");
        JsonNode result = NodeScript.result(
                NodeScript.run("server/src/test/browser/pci-pause.js", env, server, "PCI PAUSE OK", line -> { }), "PCI");

        // the timeline: who paused and why, and the end of the call ends the customer's pause
        List<String> marks = new ArrayList<>();
        result.get("marks").forEach(m -> marks.add(m.get("kind").asString() + " " + m.get("actor").asString() + " "
                + m.get("party").asString() + " " + m.get("reason").asString()));
        assertThat(marks).containsExactly(
                "RECORDING_PAUSED alice ADVISOR card details spoken",
                "RECORDING_RESUMED alice ADVISOR card details given",
                "RECORDING_PAUSED chan CUSTOMER card details",
                "RECORDING_RESUMED system SYSTEM the call ended during a PCI pause");
        List<Instant> at = new ArrayList<>();
        result.get("marks").forEach(m -> at.add(Instant.parse(m.get("at").asString())));

        // the line typed during the pause is on the record, redacted
        JsonNode typed = result.get("lines").get(0);
        assertThat(typed.get("redacted").asString()).isEqualTo("pci-pause");
        assertThat(typed.get("text").asString()).doesNotContain("4111");

        // the export: media before the first pause and between the two, none inside either gap
        assertThat(result.get("legs")).hasSize(2);
        for (JsonNode leg : result.get("legs")) {
            Instant first = Instant.parse(leg.get("firstPacketAt").asString());
            WebmReader webm = WebmReader.parse(Files.readAllBytes(Path.of(leg.get("file").asString())));
            List<Instant> blocks = webm.blocks.stream().map(b -> first.plusMillis(b.timeMillis())).toList();
            String what = leg.get("party").asString() + " leg " + leg.get("legId").asString();
            System.out.printf("%s: %d blocks, %d before the first pause, %d in the gaps%n", what, blocks.size(),
                    blocks.stream().filter(t -> t.isBefore(at.get(0))).count(), blocks.stream()
                            .filter(t -> t.isAfter(at.get(0)) && t.isBefore(at.get(1))
                                    || t.isAfter(at.get(2)) && t.isBefore(at.get(3))).count());
            assertThat(blocks).as(what + ": media before the pause").anyMatch(t -> t.isBefore(at.get(0)));
            assertThat(blocks).as(what + ": media between the pauses")
                    .anyMatch(t -> t.isAfter(at.get(1).plus(ALIGNMENT)) && t.isBefore(at.get(2).minus(ALIGNMENT)));
            for (int gap = 0; gap < 4; gap += 2) {
                Instant from = at.get(gap).plus(ALIGNMENT);
                Instant to = at.get(gap + 1).minus(ALIGNMENT);
                assertThat(Duration.between(from, to)).as("the gap is long enough to say something").isPositive();
                assertThat(blocks).as(what + ": media in the gap " + from + " .. " + to)
                        .noneMatch(t -> t.isAfter(from) && t.isBefore(to));
            }
        }
    }

    /**
     * Issue 22 items 2 to 4 (server/src/test/browser/documents.js): a Cantonese customer on a voice call receives the
     * fee table from the queue's library and reads it in the page, sends a photo back, fills and signs a form; the
     * advisor sees the photo and the signed form; the compliance officer finds all of them on the recording's timeline,
     * views the signed form (its SHA-256 matches) and verifies the recording; recording-verify covers the documents.
     */
    @Test
    void aCustomerOnAVoiceCallReadsAPdfSendsAPhotoAndSignsAFormAndComplianceSeesAndVerifiesThem() throws Exception {
        for (String queue : List.of("general", "cards", "wealth", "cross-border")) {
            Path library = Files.createDirectories(dir.resolve("data/document-library").resolve(queue));
            Files.writeString(library.resolve("fees.pdf"), FEE_TABLE_PDF, StandardCharsets.ISO_8859_1);
            Files.writeString(library.resolve("address.form.json"), """
                    {"title": {"en": "Change of address", "zh-Hans": "地址变更", "zh-Hant": "地址變更"},
                     "fields": [{"name": "street", "label": {"en": "Street", "zh-Hans": "街道", "zh-Hant": "街道"}, "required": true},
                                {"name": "agree", "type": "checkbox", "required": true,
                                 "label": {"en": "I confirm", "zh-Hans": "本人确认", "zh-Hant": "本人確認"}}]}
                    """);
        }
        Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "PASSWORD", "demo1234");
        JsonNode result = NodeScript.result(
                NodeScript.run("server/src/test/browser/documents.js", env, server, "DOCUMENTS OK", line -> { }),
                "DOCUMENTS");
        List<String> documents = new ArrayList<>();
        result.get("documents").forEach(d -> documents.add(d.get("entry").asString() + " " + d.get("kind").asString()
                + " " + d.get("party").asString()
                + " " + d.get("actor").asString() + " " + d.get("name").asString() + " " + d.get("legId").asString()));
        assertThat(documents).containsExactly(
                "DOCUMENT document ADVISOR alice fees.pdf document-d1",
                "DOCUMENT document CUSTOMER chan id-card.png document-d2",
                "DOCUMENT form ADVISOR alice Change of address document-d3",
                "SIGNED_DOCUMENT signed CUSTOMER chan Change of address document-signed-d4");

        // bin/recording-verify's command, with the server's keys, covers the four documents
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int verified = VerifyCommand.run(new String[] {"--keys",
                dir.resolve("data/keys/recording-keys.properties").toString(), "--data",
                dir.resolve("data/recordings").toString(), result.get("id").asString()},
                new PrintStream(out), new PrintStream(err));
        assertThat(verified).as(out + " " + err).isZero();
        assertThat(out.toString()).startsWith("OK ").contains("document-d1", "document-d2", "document-d3",
                "document-signed-d4");
    }

    private static final String FEE_TABLE_PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R
               /Resources << /Font << /F1 5 0 R >> >> >> endobj
            4 0 obj << /Length 44 >> stream
            BT /F1 18 Tf 20 100 Td (Fee table) Tj ET
            endstream endobj
            5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """;
}
