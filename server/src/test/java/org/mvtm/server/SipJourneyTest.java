package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SIP side of the journey on the real server: an advisor's desk phone (SIPp) registers with digest auth and
 * becomes ready, a customer's phone (SIPp) calls the general queue with digest auth, waits with early media, is
 * routed by skills (English, accounts) to that phone, both send speech (espeak-ng, PCMU) through the media bridge, and
 * the customer hangs up. A compliance officer of the customer's region then finds the call through the compliance
 * API, verifies it, replays both legs (the customer's speech is audible in the recording: energy measured) and finds
 * the replays in the audit trail.
 */
@Tag("peer")
class SipJourneyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void sipCustomerReachesAdvisorDeskPhoneAndTheRecordedCallIsVerifiedReplayedAndAudited(@TempDir Path dir) throws Exception {
        Path speech = speechWav(dir, "Hello, I would like to check the balance of my savings account please.");
        try (ServerProcess server = ServerProcess.start(dir,
                "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofSeconds(120));
            int answerPort = ServerProcess.freeUdpPort();
            Path injection = dir.resolve("fields.csv");
            Files.writeString(injection, "SEQUENTIAL\n" + answerPort + ";smith;\n");
            Path answer = scenario(dir, "phone-answer.xml", speech);
            Path call = scenario(dir, "customer-call.xml", speech);
            Path register = scenario(dir, "phone-register.xml", speech);

            Process phone = sipp(dir, "phone", answer, "-s", "david", "-m", "1", "-p", String.valueOf(answerPort),
                    "-mp", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
            try {
                Thread.sleep(500); // let the answering side bind before the phone registers its port
                Process reg = sipp(dir, "register", register, "-inf", injection.toString(), "-s", "david",
                        "-au", "david", "-ap", "demo1234", "-m", "1", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                        "127.0.0.1:" + server.sipPort);
                assertThat(reg.waitFor(30, TimeUnit.SECONDS) && reg.exitValue() == 0)
                        .as("phone registered with digest auth:\n" + read(dir.resolve("register.err"))).isTrue();

                Process customer = sipp(dir, "customer", call, "-inf", injection.toString(), "-s", "general",
                        "-au", "smith", "-ap", "demo1234", "-m", "1", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                        "-mp", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
                assertThat(customer.waitFor(120, TimeUnit.SECONDS)).as("customer call finished").isTrue();
                assertThat(customer.exitValue()).as("customer call: INVITE/auth/183/200/ACK/speech/BYE\n"
                        + read(dir.resolve("customer.err")) + "\nserver:\n" + server.output()).isZero();
                assertThat(phone.waitFor(30, TimeUnit.SECONDS) && phone.exitValue() == 0)
                        .as("advisor phone answered and got the BYE:\n" + read(dir.resolve("phone.err"))).isTrue();
            } finally {
                phone.destroyForcibly();
            }

            Compliance officer = Compliance.signIn(server.baseUrl(), "connie", "demo1234");
            JsonNode recording = null;
            for (int i = 0; i < 60 && recording == null; i++) {
                JsonNode found = officer.getJson("/api/compliance/recordings?customer=smith");
                for (JsonNode r : found) {
                    if ("SEALED".equals(r.path("state").asString())) {
                        recording = r;
                    }
                }
                if (recording == null) {
                    Thread.sleep(500);
                }
            }
            assertThat(recording).as("the SIP call is found by customer").isNotNull();
            assertThat(recording.path("metadata").path("channel").asString()).isEqualTo("VOICE");
            assertThat(recording.path("metadata").path("advisor").path("value").asString()).isEqualTo("david");
            String id = recording.path("id").path("value").asString();

            JsonNode verification = officer.postJson("/api/compliance/recordings/" + id + "/verify");
            assertThat(verification.toString()).as("integrity").contains("\"ok\":true");

            for (JsonNode leg : recording.path("legs")) {
                String legId = leg.path("legId").asString();
                byte[] wav = officer.getBytes("/api/compliance/recordings/" + id + "/media/" + legId + "?purpose=SIP+journey");
                assertThat(rms(wav)).as("speech energy in the recorded " + legId + " leg").isGreaterThan(300);
            }
            String audit = officer.getJson("/api/compliance/audit?recording=" + id).toString();
            assertThat(audit).contains("REPLAY").contains("VERIFY").contains("connie");
        }
    }

    /** Root-mean-square of a 16-bit PCM WAV (the export of a G.711 leg). */
    static double rms(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int bits = 16;
        while (pos + 8 <= wav.length) {
            String chunk = new String(wav, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (chunk.equals("fmt ")) {
                bits = b.getShort(pos + 8 + 14);
            } else if (chunk.equals("data")) {
                assertThat(bits).as("PCM bits per sample").isEqualTo(16);
                long sum = 0;
                int n = 0;
                for (int i = pos + 8; i + 1 < Math.min(wav.length, pos + 8 + size); i += 2) {
                    int s = b.getShort(i);
                    sum += (long) s * s;
                    n++;
                }
                return n == 0 ? 0 : Math.sqrt((double) sum / n);
            }
            pos += 8 + size + (size & 1);
        }
        throw new AssertionError("not a WAV file (" + wav.length + " bytes)");
    }

    static Path speechWav(Path dir, String text) throws Exception {
        for (String tool : List.of("/usr/bin/espeak-ng", "/usr/bin/sox", "/usr/bin/sipp")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new AssertionError(tool + " is missing: ./test.sh installs espeak-ng, sox and sip-tester");
            }
        }
        Path raw = dir.resolve("speech-22k.wav");
        Path ulaw = dir.resolve("speech-pcmu.wav");
        run(List.of("espeak-ng", "-v", "en", "-w", raw.toString(), text));
        run(List.of("sox", raw.toString(), "-r", "8000", "-c", "1", "-e", "u-law", ulaw.toString()));
        return ulaw;
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd) + ": " + out).isTrue();
    }

    private static Path scenario(Path dir, String name, Path speech) throws IOException {
        Path source = NodeScript.REPO.resolve("server/src/test/resources/sipp").resolve(name);
        Path target = dir.resolve(name);
        Files.writeString(target, Files.readString(source).replace("@SPEECH_WAV@", speech.toString()));
        return target;
    }

    private static Process sipp(Path dir, String name, Path scenario, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1", "-nostdin",
                "-trace_err", "-error_file", dir.resolve(name + ".err").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A compliance officer's browser session: form login with the CSRF cookie, then the compliance API. */
    record Compliance(HttpClient http, CookieManager cookies, String base) {
        static Compliance signIn(String base, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
            String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + csrf(cookies);
            var res = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(res.statusCode()).as("login redirect").isEqualTo(302);
            assertThat(res.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return new Compliance(http, cookies, base);
        }

        private static String csrf(CookieManager cookies) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }

        JsonNode getJson(String path) throws Exception {
            var res = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Purpose", "SIP journey test").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
            return JSON.readTree(res.body());
        }

        byte[] getBytes(String path) throws Exception {
            var res = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Purpose", "SIP journey test").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            return res.body();
        }

        JsonNode postJson(String path) throws Exception {
            var res = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Purpose", "SIP journey test")
                    .header("X-XSRF-TOKEN", csrf(cookies)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
            return JSON.readTree(res.body());
        }
    }
}
