package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.Refusal.assertRefused;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 finding 9: a 30 MB JSON body was read in full before the 413, and a 100,000-character presence reason
 * was accepted and pushed in every supervisor snapshot. A body over the limit is refused from its declared length
 * (or, chunked, once the limit has arrived) before the rest is sent; each free-text field is refused naming it.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedInputIsRefusedTest {
    @LocalServerPort
    int port;

    @Test
    void aThirtyMegabyteBodyIsRefusedBeforeItIsSent() throws IOException {
        Browserless customer = Browserless.signedIn(port, "wordy");
        String status = rawPost(customer, "Content-Length: " + 30_000_000, out -> out.write(
                "{\"language\":\"".getBytes(StandardCharsets.UTF_8)));
        assertThat(status).as("answer while the client still holds back 30 MB").contains(" 413 ")
                .as("it names the body as the field at fault").contains("\"error\":\"CONTENT_TOO_LARGE\"")
                .contains("\"field\":\"body\"").contains("larger than");
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        Browserless customer = Browserless.signedIn(port, "wordy");
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        String status = rawPost(customer, "Transfer-Encoding: chunked", out -> {
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            // no last chunk: the client keeps the body open
        });
        assertThat(status).contains(" 413 ");
    }

    @Test
    void aHundredThousandCharacterPresenceReasonIsRefusedNamingTheField() throws Exception {
        Browserless advisor = Browserless.signedIn(port, "ada");
        Browserless.Socket console = SocketSteps.console(advisor);
        console.send("{\"type\":\"presence\",\"state\":\"NOT_READY\",\"reason\":\"" + "x".repeat(100_000) + "\"}");
        String refused = console.next("\"error\"");
        assertThat(refused).contains("\"code\":\"field.too-long\"").contains("\"field\":\"reason\"");
        console.close();
    }

    @Test
    void aChatLineOverTheLimitIsRefusedNotCut() throws Exception {
        Browserless customer = Browserless.signedIn(port, "wordy");
        Browserless.Socket page = SocketSteps.greetedPage(customer, "en");
        page.send("{\"type\":\"chat\",\"text\":\"" + "y".repeat(2001) + "\"}");
        assertThat(page.next("\"error\"")).contains("\"code\":\"field.too-long\"").contains("\"field\":\"text\"");
        page.send("{\"type\":\"hangup\"}");
        page.close();
    }

    /** The purpose goes into every audit entry: over 500 characters it is refused naming the header, not cut. */
    @Test
    void anOverlongPurposeIsRefusedNamingTheHeader() {
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        var refused = officer.get("/api/compliance/recordings", "X-Purpose", "p".repeat(501));
        assertRefused(refused, 400, "X-Purpose").contains("at most 500");
        assertThat(officer.get("/api/compliance/recordings", "X-Purpose", "p".repeat(500)).statusCode()).isEqualTo(200);
    }

    /** An export's reason goes into the audit beside the purpose: over 500 characters it is refused naming it. */
    @Test
    void anOverlongExportReasonIsRefusedNamingTheField() {
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        var refused = officer.postJson("/api/compliance/recordings/any-recording/export",
                "{\"reason\":\"" + "r".repeat(501) + "\"}", "X-Purpose", "export length check");
        assertRefused(refused, 400, "reason").contains("at most 500");
    }


    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Sends the headers and part of a body, then reads the status line while the body is still incomplete. */
    private String rawPost(Browserless user, String lengthHeader, Body partialBody) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/customer/conversations HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\n" + lengthHeader + "\r\n"
                    + "Cookie: JSESSIONID=" + user.cookie("JSESSIONID") + "; XSRF-TOKEN=" + user.csrf() + "\r\n"
                    + "X-XSRF-TOKEN: " + user.csrf() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            partialBody.write(out);
            out.flush();
            // the status line, the headers and the body (as long as Content-Length says: the server may keep the
            // connection open until it gave up on the rest of the request)
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder answer = new StringBuilder();
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    answer.append(line).append('\n');
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring("content-length:".length()).strip());
                    }
                }
                if (answer.isEmpty()) {
                    return "(connection closed without an answer)";
                }
                char[] body = new char[length];
                int read = 0;
                for (int n = 0; read < length && n >= 0; read += Math.max(n, 0)) {
                    n = in.read(body, read, length - read);
                }
                return answer.append('\n').append(body, 0, read).toString();
            } catch (SocketTimeoutException e) {
                return "(no answer within 30 s: the server waits for the rest of the body)";
            }
        }
    }
}
