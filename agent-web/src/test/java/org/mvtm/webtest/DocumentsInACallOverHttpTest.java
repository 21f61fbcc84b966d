package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.Refusal.assertRefused;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.Viewer;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 22 items 2 to 4 over HTTP and the consoles' sockets, on the real recording store: a customer on a voice call
 * (as a bank's app would be) receives the advisor's PDF from the queue's library, sends a photo back, fills and signs a
 * form; each is pushed to the other side, kept in the recording (timeline with SHA-256, hash chain) and verifies.
 * Bad input is refused naming the field, before anything is stored: a 200 MB upload (before it is sent), an
 * executable renamed .pdf, PDFs with scripts (plain and compressed), a signature without a signed-in customer.
 */
@SpringBootTest(classes = WebTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentsInACallOverHttpTest {
    static final Path LIBRARY = WebTestApplication.DOCUMENT_LIBRARY;
    static final byte[] FEES = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%% Fee table\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PHOTO = png();
    static final String FORM = """
            {"title": {"en": "Change of address", "zh-Hans": "地址变更", "zh-Hant": "地址變更"},
             "fields": [{"name": "street", "label": "Street", "type": "text", "required": true},
                        {"name": "agree", "label": "I confirm", "type": "checkbox", "required": true}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    RoutingEngine routing;
    @Autowired
    RecordingStore store;
    @Autowired
    Clock clock;

    record Call(Browserless customerHttp, Browserless.Socket customer, Browserless advisorHttp,
                Browserless.Socket advisor, String conversation, String interaction, ActiveRecording recording) {
        String mine() {
            return "/api/customer/conversations/" + conversation + "/documents";
        }

        String advisors() {
            return "/api/agent/interactions/" + interaction + "/documents";
        }
    }

    @Test
    void aCustomerOnAVoiceCallReceivesAPdfSendsAPhotoBackAndSignsAFormAllKeptInTheRecording() throws Exception {
        Call call = voiceCall("chan");
        HttpResponse<String> library = call.advisorHttp().get(call.advisors(), "Accept", "application/json");
        assertThat(library.body()).contains("\"file\":\"fees.pdf\"").contains("\"file\":\"address.form.json\"")
                .contains("\"title\":\"Change of address\"");

        // the advisor sends the fee table from the queue's library: the customer's page is told and reads it
        HttpResponse<String> sent = call.advisorHttp().send("POST", call.advisors() + "/library", "{\"file\":\"fees.pdf\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String pushed = call.customer().next("\"type\":\"document\"");
        assertThat(pushed).contains("\"name\":\"fees.pdf\"").contains("\"contentType\":\"application/pdf\"")
                .contains("\"sha256\":\"" + sha256(FEES) + "\"");
        HttpResponse<String> pdf = call.customerHttp().get(call.mine() + "/d1", "Accept", "*/*");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(pdf.body()).isEqualTo(new String(FEES, StandardCharsets.US_ASCII));

        // the customer sends a photo back (its name says .pdf: the content decides), the advisor's console is told
        HttpResponse<String> photo = upload(call.customerHttp(), call.mine() + "?name=my-id.pdf", PHOTO);
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(200);
        assertThat(photo.body()).contains("\"contentType\":\"image/png\"").contains("\"party\":\"CUSTOMER\"");
        assertThat(call.advisor().next("image/png")).contains("\"type\":\"document\"")
                .contains("\"interactionId\":\"" + call.interaction());

        // the advisor sends a form; the customer fills and signs it; both see the signed document
        HttpResponse<String> form = call.advisorHttp().send("POST", call.advisors() + "/library",
                "{\"file\":\"address.form.json\"}");
        assertThat(form.body()).contains("\"kind\":\"form\"").contains("\"id\":\"d3\"");
        assertThat(call.customerHttp().get(call.mine() + "/d3", "Accept", "*/*").body()).contains("Change of address");
        HttpResponse<String> signed = call.customerHttp().send("POST", call.mine() + "/d3/signature",
                "{\"fields\":{\"street\":\"1 Queen's Road\",\"agree\":\"true\"},\"signature\":\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(PHOTO) + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).contains("\"kind\":\"signed\"").contains("\"id\":\"signed-d4\"").contains("\"form\":\"d3\"");
        assertThat(call.advisor().next("signed-d4")).contains("\"kind\":\"signed\"");
        String signedDocument = call.advisorHttp().get(call.advisors() + "/signed-d4", "Accept", "*/*").body();
        assertThat(signedDocument).startsWith("{\"type\":\"mvtm-signed-form/1\"")
                .contains("\"templateSha256\":\"" + sha256(FORM.getBytes(StandardCharsets.UTF_8)) + "\"")
                .contains("\"street\":\"1 Queen's Road\"").contains("\"username\":\"chan\"")
                .contains("\"authentication\":\"password sign-in\"").contains("\"interaction\":\"" + call.interaction());
        assertThat(call.customerHttp().get(call.mine(), "Accept", "application/json").body())
                .contains("\"id\":\"d3\",\"kind\":\"form\"").contains("\"form\":\"signed-d4\"");
        HttpResponse<String> again = call.customerHttp().send("POST", call.mine() + "/d3/signature",
                "{\"fields\":{\"street\":\"x\",\"agree\":\"true\"},\"signature\":\"" + Base64.getEncoder().encodeToString(PHOTO) + "\"}");
        assertRefused(again, 409, "form").contains("already signed");

        // the recording holds all four, on the timeline with their SHA-256, and verifies
        List<TimelineEntry> documents = documentsIn(end(call));
        assertThat(documents).extracting(e -> e.kind() + " " + e.attributes().get("name") + " " + e.attributes().get("party"))
                .containsExactly("DOCUMENT fees.pdf ADVISOR", "DOCUMENT my-id.pdf CUSTOMER",
                        "DOCUMENT Change of address ADVISOR", "SIGNED_DOCUMENT Change of address CUSTOMER");
        assertThat(documents.get(3).attributes().get("sha256"))
                .isEqualTo(sha256(signedDocument.getBytes(StandardCharsets.UTF_8)));
        assertThat(store.verify(OFFICER, call.recording().id()).ok()).isTrue();
    }

    @Test
    void badDocumentsAndSignaturesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Call call = voiceCall("wordy");
        call.advisorHttp().send("POST", call.advisors() + "/library", "{\"file\":\"address.form.json\"}");

        String huge = rawUpload(call.customerHttp(), call.mine() + "?name=huge.pdf", 200_000_000L);
        assertThat(huge).as("answer while the client still holds back 200 MB").startsWith("HTTP/1.1 413")
                .contains("\"field\":\"file\"").contains("at most 1048576 bytes");

        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> renamed = upload(call.customerHttp(), call.mine() + "?name=statement.pdf", exe);
        assertRefused(renamed, 400, "file").contains("a Windows executable");

        byte[] script = "%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> scripted = upload(call.advisorHttp(), call.advisors() + "?name=offer.pdf", script);
        assertRefused(scripted, 400, "file").contains("/JavaScript");
        HttpResponse<String> hidden = upload(call.customerHttp(), call.mine() + "?name=form.pdf", compressedScript());
        assertRefused(hidden, 400, "file").contains("/Launch");

        // a signature without a signed-in customer: anonymous, or the advisor signing in the customer's place
        Browserless anonymous = new Browserless(port);
        HttpResponse<String> nobody = anonymous.send("POST", call.mine() + "/d1/signature",
                "{\"fields\":{\"street\":\"x\",\"agree\":\"true\"},\"signature\":\"" + Base64.getEncoder().encodeToString(PHOTO) + "\"}");
        assertRefused(nobody, 401, "customer");
        assertThat(call.advisorHttp().send("POST", call.mine() + "/d1/signature",
                "{\"fields\":{\"street\":\"x\",\"agree\":\"true\"},\"signature\":\"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> unsigned = call.customerHttp().send("POST", call.mine() + "/d1/signature",
                "{\"fields\":{\"street\":\"x\",\"agree\":\"true\"}}");
        assertRefused(unsigned, 400, "signature");
        HttpResponse<String> unfilled = call.customerHttp().send("POST", call.mine() + "/d1/signature",
                "{\"fields\":{\"street\":\"x\"},\"signature\":\"" + Base64.getEncoder().encodeToString(PHOTO) + "\"}");
        assertRefused(unfilled, 400, "fields.agree");

        // nothing of it was stored: the call holds the form alone, and so does the recording
        assertThat(call.customerHttp().get(call.mine(), "Accept", "application/json").body())
                .contains("\"id\":\"d1\"").doesNotContain("\"id\":\"d2\"").doesNotContain("signed-");
        assertThat(documentsIn(end(call))).extracting(e -> e.attributes().get("name")).containsExactly("Change of address");
    }

    private static final Viewer OFFICER = new Viewer("hkcomp", java.util.Set.of(Role.COMPLIANCE),
            java.util.Set.of(Region.HK), "documents test");

    private Call voiceCall(String customer) throws Exception {
        Browserless customerHttp = Browserless.signedIn(port, customer);
        SocketSteps.Queued waiting = SocketSteps.queuedPage(customerHttp, "en", "VOICE");
        String interaction = waiting.interactionId();
        String queue = routing.interaction(InteractionId.of(interaction)).orElseThrow().queue().value();
        Files.createDirectories(LIBRARY.resolve(queue));
        Files.write(LIBRARY.resolve(queue).resolve("fees.pdf"), FEES);
        Files.writeString(LIBRARY.resolve(queue).resolve("address.form.json"), FORM);

        Browserless advisorHttp = Browserless.signedIn(port, "ada");
        Browserless.Socket console = advisorHttp.socket("/ws/agent");
        SocketSteps.acceptWhenOffered(console, interaction);
        waiting.page().next("\"CONNECTED\"");
        // what the server's journey coordinator does on an accepted call
        ActiveRecording recording = store.start(new RecordingMetadata(InteractionId.of(interaction),
                ConversationId.of(waiting.conversationId()), Channel.VOICE, CustomerId.of(customer), customer,
                AgentId.of("agent-ada"), "Ada Wong", QueueId.of(queue), Region.HK, Language.EN, clock.instant()));
        return new Call(customerHttp, waiting.page(), advisorHttp, console, waiting.conversationId(), interaction,
                recording);
    }

    private ActiveRecording end(Call call) throws InterruptedException {
        SocketSteps.hangUp(call.advisor(), call.interaction());
        call.customer().next("\"ENDED\"");
        call.advisor().send("{\"type\":\"wrapup\",\"interactionId\":\"" + call.interaction() + "\",\"code\":\"RESOLVED\"}");
        SocketSteps.stepAway(call.advisor());
        call.recording().seal();
        call.customer().close();
        return call.recording();
    }

    private List<TimelineEntry> documentsIn(ActiveRecording recording) {
        return store.timeline(OFFICER, recording.id()).stream().filter(e -> e.kind() == TimelineEntry.Kind.DOCUMENT
                || e.kind() == TimelineEntry.Kind.SIGNED_DOCUMENT).toList();
    }


    private HttpResponse<String> upload(Browserless who, String path, byte[] body) {
        return who.send(HttpRequest.newBuilder(URI.create(who.base() + path)).header("Content-Type", "application/pdf")
                .header("X-XSRF-TOKEN", who.csrf()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Sends the headers of a {@code length}-byte upload and 64 KB of it, then reads the answer. */
    private String rawUpload(Browserless who, String path, long length) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: " + length + "\r\nCookie: JSESSIONID=" + who.cookie("JSESSIONID")
                    + "; XSRF-TOKEN=" + who.csrf() + "\r\nX-XSRF-TOKEN: " + who.csrf() + "\r\n\r\n%PDF-1.4\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder answer = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    answer.append(line).append('\n');
                    if (line.startsWith("{")) {
                        break;
                    }
                }
                return answer.toString();
            } catch (SocketTimeoutException e) {
                return "(no answer within 30 s: the server waits for the rest of the body)";
            }
        }
    }

    /** A PDF whose catalog sits in a Flate-compressed object stream, with a /Launch action in it. */
    private static byte[] compressedScript() throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput("1 0 << /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>".getBytes(StandardCharsets.US_ASCII));
        deflater.finish();
        byte[] buf = new byte[1024];
        int n = deflater.deflate(buf);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.write(("%PDF-1.7\n2 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + n + " >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        pdf.write(buf, 0, n);
        pdf.write("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
    }

    private static byte[] png() {
        byte[] b = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
